// Options: the annotator's per-site switch for each supported dApp site (registry sites.json).
// Absent from settings = on; the background accepts hosts of this list only.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SendRequest } from '../lib/extension/send-request.js';
import { ANNOTATION_SITES, type AnnotationSite } from '../lib/extension/validation/annotation-sites.js';

export interface SiteAnnotationsFormProps {
  sites: Record<string, boolean>;
  send: SendRequest;
  onSaved(): void;
  known?: readonly AnnotationSite[];
}

const onOf = (stored: Record<string, boolean>, known: readonly AnnotationSite[]) => Object.fromEntries(known.map((s) => [s.host, stored[s.host] !== false]));

export function SiteAnnotationsForm({ sites, send, onSaved, known = ANNOTATION_SITES }: SiteAnnotationsFormProps) {
  const id = useId();
  const [on, setOn] = useState(() => onOf(sites, known));
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => setOn(onOf(sites, known)), [sites, known]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const response = await send({ type: 'saveSiteAnnotations', sites: on });
    if (!response.ok) return setStatus({ kind: 'error', text: response.error.message });
    setStatus({ kind: 'info', text: 'Saved; open pages pick it up when reloaded' });
    onSaved();
  };

  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`} data-testid="site-annotations">
      <h2 id={`${id}-title`}>Annotations on dApp sites</h2>
      <p className="muted">Risk chips beside operators, AVSs, vaults and DSSs on these sites. Pages never learn which addresses you track.</p>
      <ul className="rows">
        {known.map((s) => (
          <li key={s.host}>
            <input id={`${id}-${s.host}`} type="checkbox" data-testid="site-annotation" data-host={s.host} checked={on[s.host] ?? true} onChange={(e) => setOn({ ...on, [s.host]: e.target.checked })} />
            <label htmlFor={`${id}-${s.host}`}>
              {s.site} <span className="mono muted small">{s.host}</span>
            </label>
          </li>
        ))}
      </ul>
      <button type="submit" data-testid="save-site-annotations">Save</button>
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'error' : 'muted'} data-testid="site-annotations-status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
