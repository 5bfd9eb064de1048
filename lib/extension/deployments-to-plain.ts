// Deployments -> the deployments-file JSON shape parseDeployments accepts, so stored or injected
// deployments are always re-validated by the same parser on use.
import type { Deployments } from '../chains/deployments.js';

export function deploymentsToPlain(d: Deployments): unknown {
  const { chainId, multicall3, eigenlayer, symbiotic, karak, valuation, unconfirmed } = d;
  return { chainId, contracts: { multicall3, ...(eigenlayer && { eigenlayer }), ...(symbiotic && { symbiotic }), ...(karak && { karak }), ...(valuation && { valuation }) }, ...(unconfirmed && { unconfirmed }) };
}
