// Unit-test setup: WXT's fake browser only has a throwing stub for runtime.onConnect, which the untrusted content-script
// channels (annotator, tx guard) register on. A minimal event with fresh listeners per test, so
// background wiring can be set up in Node; channel behaviour is tested through fake ports directly.
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

function fakeEvent() {
  const listeners = new Set<(...args: unknown[]) => void>();
  return {
    addListener: (l: (...args: unknown[]) => void) => void listeners.add(l),
    removeListener: (l: (...args: unknown[]) => void) => void listeners.delete(l),
    hasListener: (l: (...args: unknown[]) => void) => listeners.has(l),
    hasListeners: () => listeners.size > 0,
    trigger: (...args: unknown[]) => listeners.forEach((l) => l(...args)),
  };
}

beforeEach(() => {
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.onConnect = fakeEvent();
});
