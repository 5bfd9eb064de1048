// Main world, injected by tx-guard.content.ts with the per-page secret on its <script> element.
// Wiring only (docs/tx-guard.md): take the secret first, then patch the page's wallet providers.
// No wxt/browser import here: extension APIs do not exist in the main world.
import { createBridgeClient } from '../lib/tx/bridge/bridge-client.js';
import { takeBridgeSecret } from '../lib/tx/bridge/bridge-secret.js';
import { installProviderGuard } from '../lib/tx/guard/install-provider-guard.js';
import { TO_CONTENT_EVENT, TO_MAIN_EVENT } from '../lib/extension/tx-guard/channel-events.js';

export default defineUnlistedScript(() => {
  const script = document.currentScript;
  const secret = takeBridgeSecret(script);
  // No secret (loaded some other way, or a page racing to plant one): stay out of the way entirely.
  if (!secret || !script) return;
  const client = createBridgeClient({
    secret,
    origin: location.origin,
    post: (raw) => void script.dispatchEvent(new CustomEvent(TO_CONTENT_EVENT, { detail: raw })),
  });
  script.addEventListener(TO_MAIN_EVENT, (event) => client.receive((event as CustomEvent<unknown>).detail));
  // 20 s for our own analysis (the content side gives up at 12 s and answers 'unavailable' first).
  const guard = installProviderGuard({ window, onIntercept: client.onIntercept, timeoutMs: 20_000 });
  // A wallet may define window.ethereum over our accessor while the page loads.
  document.addEventListener('DOMContentLoaded', () => guard.recheck());
  window.addEventListener('load', () => guard.recheck());
});
