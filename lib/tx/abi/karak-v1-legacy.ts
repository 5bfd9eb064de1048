// Karak V1 VaultSupervisor, original `main`-branch deposit (reference §6.3, "Original main-branch
// form"; UNCONFIRMED, one source). Needed to decode early-2024 transactions; the deployed 3-argument
// ABI lives in lib/protocols/karak/abi.ts. Same selector as Symbiotic Vault.deposit and Renzo's
// 2-argument deposit (0x47e7ef24): only the target address tells them apart.
import { parseAbi } from 'viem';

export const vaultSupervisorLegacyAbi = parseAbi([
  'function deposit(address vault, uint256 amount) returns (uint256 shares)',
]);
