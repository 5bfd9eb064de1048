// At most one run of a task at a time. A caller arriving while it runs joins that run; a caller whose
// reason is a settings change (afterChange) needs a run that starts after the change, so exactly one
// more run is queued behind the current one. In memory on purpose: if the service worker dies
// mid-run, the run dies with it and the next alarm starts afresh from persisted state.
export function singleFlight<T>(run: () => Promise<T>): (options?: { afterChange?: boolean }) => Promise<T> {
  let current: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    current = run().finally(() => {
      current = null;
    });
    return current;
  };
  return ({ afterChange = false } = {}) => {
    if (!current) return start();
    if (!afterChange) return current;
    queued ??= current
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
