// Isolated world on every http(s) page at document_start: creates the per-page secret, injects the
// main-world guard carrying it, and owns the bridge (lib/extension/tx-guard/content-guard.ts).
// Wiring only; small on purpose (no React, no registry): it runs on every page.
import { browser } from 'wxt/browser';
import { injectScript } from 'wxt/utils/inject-script';
import { createBridgeSecret, SECRET_ATTRIBUTE } from '../lib/tx/bridge/bridge-secret.js';
import { TO_CONTENT_EVENT, TO_MAIN_EVENT } from '../lib/extension/tx-guard/channel-events.js';
import { createContentGuard, type PortLike } from '../lib/extension/tx-guard/content-guard.js';
import { openDialog, showNotice } from '../lib/extension/tx-guard/dialog.js';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    const secret = createBridgeSecret();
    let channel: HTMLScriptElement | null = null;
    const guard = createContentGuard({
      secret,
      origin: location.origin,
      post: (raw) => void channel?.dispatchEvent(new CustomEvent(TO_MAIN_EVENT, { detail: raw })),
      connect: (name) => browser.runtime.connect({ name }) as unknown as PortLike,
      openDialog,
      showNotice,
    });
    injectScript('/tx-guard-main.js', {
      modifyScript(script) {
        // Set before insertion: at document_start no page script has run yet, and the element leaves
        // the DOM synchronously after insertion, so no page code can read the attribute from the DOM.
        channel = script;
        script.setAttribute(SECRET_ATTRIBUTE, secret);
        script.addEventListener(TO_CONTENT_EVENT, (event) => guard.receive((event as CustomEvent<unknown>).detail));
      },
    }).catch((e) => console.warn('[tx-guard] could not inject the provider guard:', e));
  },
});
