// Shared by the lib/tx tests: mainnet known targets with two runtime-discovered vaults, and a few
// checksummed addresses. Test-only.
import { getAddress, type Address } from 'viem';
import { MAINNET_DEPLOYMENTS } from '../../chains/deployments.js';
import { buildKnownTargets } from '../known-targets.js';

export const SYMBIOTIC_VAULT: Address = getAddress('0xa88e91cef50b792f9449e2d4c699b6b3cce1d19f');
export const KARAK_VAULT: Address = getAddress('0x1111111111111111111111111111111111111111');
export const USER: Address = getAddress('0x2222222222222222222222222222222222222222');
export const OPERATOR: Address = getAddress('0x3333333333333333333333333333333333333333');
export const TOKEN: Address = getAddress('0x4444444444444444444444444444444444444444');
export const STRATEGY: Address = '0x93c4b944D05dfe6df7645A86cd2206016c51564D';
export const STRATEGY_2: Address = '0x1BeE69b7dFFfA4E2d53C2a2Df135C388AD25dCD2';
export const EL = MAINNET_DEPLOYMENTS.eigenlayer!;
export const KARAK = MAINNET_DEPLOYMENTS.karak!;

export function mainnetKnown() {
  return buildKnownTargets({
    deployments: MAINNET_DEPLOYMENTS,
    isSymbioticVault: (a) => a === SYMBIOTIC_VAULT,
    isKarakVault: (a) => a === KARAK_VAULT,
  });
}
