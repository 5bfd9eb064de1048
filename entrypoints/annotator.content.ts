// Wiring only: the annotator (lib/annotate) in the isolated world of the registry's sites. It talks
// to the background over one runtime port; it never uses window messaging and never touches page
// globals, so a page script can neither reach it nor spoof it.
import { browser } from 'wxt/browser';
import { createAnnotator } from '../lib/annotate/annotator.js';
import { createPortClient, type ClientPort } from '../lib/annotate/port-client.js';
import { ANNOTATOR_PORT } from '../lib/annotate/protocol.js';
import { annotatedMatchPatterns } from '../lib/annotate/sites.js';

export default defineContentScript({
  matches: annotatedMatchPatterns(),
  runAt: 'document_idle',
  world: 'ISOLATED',
  main(ctx) {
    const client = createPortClient(
      () => browser.runtime.connect({ name: ANNOTATOR_PORT }) as unknown as ClientPort,
      (message) => annotator.onPush(message),
    );
    const annotator = createAnnotator({ doc: document, win: window, client });
    annotator.start();
    // Extension updated or reloaded: this copy stops and removes its chips.
    ctx.onInvalidated(() => annotator.stop());
  },
});
