// Totals per asset across protocols for one address: the same token held in EigenLayer, a
// Symbiotic vault and a Karak vault adds up; native ETH is its own asset. Amounts stay bigint.
import type { AddressSnapshot, AssetTotal } from './types.js';

export function totalsByAsset(address: AddressSnapshot): AssetTotal[] {
  const totals = new Map<string, AssetTotal>();
  for (const p of address.positions) {
    const key = p.asset.address?.toLowerCase() ?? 'native';
    const t = totals.get(key);
    if (!t) totals.set(key, { asset: p.asset, amount: p.amount, protocols: [p.protocol] });
    else {
      t.amount += p.amount;
      if (!t.protocols.includes(p.protocol)) t.protocols.push(p.protocol);
    }
  }
  return [...totals.values()].sort((x, y) => x.asset.symbol.localeCompare(y.asset.symbol));
}
