// The main-world provider guard: finds the page's wallet providers (window.ethereum, its legacy
// `providers` list, and EIP-6963 announcements, including late ones) and patches each in place so
// eth_sendTransaction / wallet_sendCalls wait for onIntercept. docs/tx-guard.md has the full policy.
import { createChecker } from './create-checker.js';
import { createProviderPatcher } from './patch-provider.js';
import type { ProviderGuard, ProviderGuardOptions } from './types.js';
import { watchWindowEthereum } from './watch-window-ethereum.js';

const ANNOUNCE = 'eip6963:announceProvider';
const REQUEST = 'eip6963:requestProvider';

export function installProviderGuard(options: ProviderGuardOptions): ProviderGuard {
  const win = options.window;
  let active = true;
  const patcher = createProviderPatcher(createChecker(options), () => active);
  const reported = new WeakSet<object>();

  const guard = (candidate: unknown) => {
    if (!active || typeof candidate !== 'object' || candidate === null) return;
    const failed = patcher.patch(candidate);
    if (failed.length > 0 && !reported.has(candidate)) {
      reported.add(candidate);
      try {
        options.onUnpatchable?.(candidate, failed);
      } catch {
        // reporting is best effort
      }
    }
  };
  const guardWithList = (candidate: unknown) => {
    guard(candidate);
    // Pre-6963 multi-wallet convention (window.ethereum.providers, e.g. Coinbase's).
    let list: unknown;
    try {
      list = (candidate as { providers?: unknown } | null)?.providers;
    } catch {
      list = undefined;
    }
    if (Array.isArray(list)) for (const p of list.slice(0, 16)) guard(p);
  };

  const watch = watchWindowEthereum(win, guardWithList);

  const onAnnounce = (event: Event) => {
    // The detail is frozen by spec; the provider inside it is a live object we can patch.
    let provider: unknown;
    try {
      provider = (event as CustomEvent<{ provider?: unknown }>).detail?.provider;
    } catch {
      provider = undefined;
    }
    guard(provider);
  };
  // MetaMask announces a late window.ethereum with this event.
  const onInitialized = () => watch.recheck();
  win.addEventListener(ANNOUNCE, onAnnounce);
  win.addEventListener('ethereum#initialized', onInitialized);
  // Wallets that announced before we listened announce again on request (EIP-6963).
  win.dispatchEvent(new Event(REQUEST));

  return {
    recheck: () => {
      if (active) watch.recheck();
    },
    stop: () => {
      active = false;
      win.removeEventListener(ANNOUNCE, onAnnounce);
      win.removeEventListener('ethereum#initialized', onInitialized);
    },
  };
}
