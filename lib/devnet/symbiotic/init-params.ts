// Encodes VaultConfigurator.create params (reference §6.2 "Creating a vault"): each …Params bytes
// field is abi.encode(<one struct>), i.e. a single tuple parameter, not the fields as a flat list.
import { encodeAbiParameters, parseAbiParameters, zeroAddress, type AbiParameter, type Address, type Hex } from 'viem';
import { initParamsStructs } from '../../protocols/symbiotic/write-abi.js';

const enc = (param: string, value: unknown): Hex =>
  encodeAbiParameters(parseAbiParameters([param, ...initParamsStructs] as string[]) as unknown as readonly AbiParameter[], [value]);

export interface VaultSpec {
  collateral: Address;
  burner: Address;
  epochDuration: number;
  /** Holds DEFAULT_ADMIN_ROLE (grants every other role). */
  admin: Address;
}

function vaultInit(v: VaultSpec) {
  return {
    collateral: v.collateral, burner: v.burner, epochDuration: v.epochDuration,
    depositWhitelist: false, isDepositLimit: false, depositLimit: 0n,
    defaultAdminRoleHolder: v.admin, depositWhitelistSetRoleHolder: zeroAddress, depositorWhitelistRoleHolder: zeroAddress,
    isDepositLimitSetRoleHolder: zeroAddress, depositLimitSetRoleHolder: zeroAddress,
  };
}

export const encodeVaultParams = (v: VaultSpec): Hex => enc('VaultInitParams p', vaultInit(v));
export const encodeVaultTokenizedParams = (v: VaultSpec, name: string, symbol: string): Hex =>
  enc('InitParamsTokenized p', { baseParams: vaultInit(v), name, symbol });

const base = (admin: Address) => ({ defaultAdminRoleHolder: admin, hook: zeroAddress, hookSetRoleHolder: admin });

/** Delegator params by type; `curator` gets the admin role and every limit-setting role. */
export function encodeDelegatorParams(type: 0 | 1 | 2 | 3, curator: Address, operator?: Address, network?: Address): Hex {
  switch (type) {
    case 0:
      return enc('NetworkRestakeInitParams p', { baseParams: base(curator), networkLimitSetRoleHolders: [curator], operatorNetworkSharesSetRoleHolders: [curator] });
    case 1:
      return enc('FullRestakeInitParams p', { baseParams: base(curator), networkLimitSetRoleHolders: [curator], operatorNetworkLimitSetRoleHolders: [curator] });
    case 2:
      return enc('OperatorSpecificInitParams p', { baseParams: base(curator), networkLimitSetRoleHolders: [curator], operator });
    case 3:
      return enc('OperatorNetworkSpecificInitParams p', { baseParams: base(curator), network, operator });
  }
}

export const encodeSlasherParams = (): Hex => enc('SlasherInitParams p', { baseParams: { isBurnerHook: false } });
export const encodeVetoSlasherParams = (vetoDuration: number, resolverSetEpochsDelay: bigint): Hex =>
  enc('VetoSlasherInitParams p', { baseParams: { isBurnerHook: false }, vetoDuration, resolverSetEpochsDelay });

/** bytes32 subnetwork = network (20 bytes) ‖ uint96 identifier. */
export const subnetworkOf = (network: Address, identifier: bigint): Hex =>
  `0x${network.slice(2).toLowerCase()}${identifier.toString(16).padStart(24, '0')}`;
