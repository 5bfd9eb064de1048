// Deployments -> the deployments-file JSON shape parseDeployments accepts, so stored or injected
// deployments are always re-validated by the same parser on use.
import type { Deployments } from '../chains/deployments.js';

export function deploymentsToPlain(d: Deployments): unknown {
  return { chainId: d.chainId, contracts: { multicall3: d.multicall3, eigenlayer: { ...d.eigenlayer } } };
}
