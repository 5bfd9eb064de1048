// Sees every object that becomes `window.ethereum`, including one a wallet assigns after us:
// - absent or configurable: replaced by an accessor that keeps the value (or calls the wallet's own
//   getter/setter) and reports each new value;
// - non-configurable: cannot be observed, so the current object is reported (and patched in place);
//   later values are picked up by recheck().
// Side effect to know: when no wallet exists yet, `'ethereum' in window` becomes true while
// `window.ethereum` stays undefined (truthiness checks, the usual detection, are unchanged).
import type { GuardWindow } from './types.js';

export interface WindowEthereumWatch {
  /** Report the current value again (a wallet may have redefined the property over our accessor). */
  recheck(): void;
}

export function watchWindowEthereum(win: GuardWindow, report: (value: unknown) => void): WindowEthereumWatch {
  const current = (): unknown => {
    try {
      return win.ethereum;
    } catch {
      return undefined;
    }
  };
  const desc = Object.getOwnPropertyDescriptor(win, 'ethereum');
  if (!desc || desc.configurable) {
    let value: unknown = desc && 'value' in desc ? desc.value : undefined;
    const walletGet = desc?.get;
    const walletSet = desc?.set;
    const readOnly = desc !== undefined && 'value' in desc && desc.writable === false;
    const accessor: PropertyDescriptor = {
      configurable: true,
      enumerable: desc?.enumerable ?? true,
      get() {
        if (!walletGet) return value;
        const v: unknown = walletGet.call(this);
        report(v); // a wallet getter may hand out a new object at any time
        return v;
      },
    };
    // A read-only data property stays read-only (assignment fails as it did before); a wallet
    // accessor without setter stays without one.
    if (!readOnly && (walletSet || !walletGet)) {
      accessor.set = function (v: unknown) {
        if (walletSet) walletSet.call(this, v);
        else value = v;
        report(walletGet ? current() : v);
      };
    }
    if (!Reflect.defineProperty(win, 'ethereum', accessor)) {
      // A host object refusing the accessor: fall back to the non-configurable path.
      report(current());
      return { recheck: () => report(current()) };
    }
  }
  report(current());
  return { recheck: () => report(current()) };
}
