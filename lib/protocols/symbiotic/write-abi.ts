// Symbiotic core v1 write ABIs (reference §6.2), for devnet seeding and transaction decoding.
// Exactly the reference fragments; checked by abi.test.ts against tests/fixtures/reference-symbiotic.json.
import { parseAbi } from 'viem';

/** §6.2 Vault */
export const vaultWriteAbi = parseAbi([
  'function deposit(address onBehalfOf, uint256 amount) returns (uint256 depositedAmount, uint256 mintedShares)',
  'function withdraw(address claimer, uint256 amount) returns (uint256 burnedShares, uint256 mintedShares)',
  'function redeem(address claimer, uint256 shares) returns (uint256 withdrawnAssets, uint256 mintedShares)',
  'function claim(address recipient, uint256 epoch) returns (uint256 amount)',
  'function claimBatch(address recipient, uint256[] epochs) returns (uint256 amount)',
  'function setDepositWhitelist(bool status)',
  'function setDepositorWhitelistStatus(address account, bool status)',
  'function setIsDepositLimit(bool status)',
  'function setDepositLimit(uint256 limit)',
]);

/** §6.2 VaultTokenized */
export const vaultTokenizedAbi = parseAbi([
  'function transfer(address to, uint256 value) returns (bool)',
  'function transferFrom(address from, address to, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
]);

/** §6.2 BaseDelegator */
export const baseDelegatorWriteAbi = parseAbi([
  'function setMaxNetworkLimit(uint96 identifier, uint256 amount)',
  'function setHook(address hook_)',
]);

/** §6.2 NetworkRestakeDelegator */
export const networkRestakeDelegatorWriteAbi = parseAbi([
  'function setNetworkLimit(bytes32 subnetwork, uint256 amount)',
  'function setOperatorNetworkShares(bytes32 subnetwork, address operator, uint256 shares)',
]);

/** §6.2 FullRestakeDelegator */
export const fullRestakeDelegatorWriteAbi = parseAbi([
  'function setNetworkLimit(bytes32 subnetwork, uint256 amount)',
  'function setOperatorNetworkLimit(bytes32 subnetwork, address operator, uint256 amount)',
]);

/** §6.2 OperatorSpecificDelegator */
export const operatorSpecificDelegatorWriteAbi = parseAbi([
  'function setNetworkLimit(bytes32 subnetwork, uint256 amount)',
]);

/** §6.2 Slasher */
export const slasherWriteAbi = parseAbi([
  'function slash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes hints) returns (uint256 slashedAmount)',
]);

/** §6.2 VetoSlasher */
export const vetoSlasherWriteAbi = parseAbi([
  'function requestSlash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes hints) returns (uint256 slashIndex)',
  'function executeSlash(uint256 slashIndex, bytes hints) returns (uint256 slashedAmount)',
  'function vetoSlash(uint256 slashIndex, bytes hints)',
  'function setResolver(uint96 identifier, address resolver_, bytes hints)',
]);

/** §6.2 OperatorRegistry */
export const registryWriteAbi = parseAbi([
  'function registerOperator()',
  'function registerNetwork()',
]);

/** §6.2 NetworkMiddlewareService */
export const networkMiddlewareServiceWriteAbi = parseAbi([
  'function setMiddleware(address middleware_)',
]);

/** §6.2 OptInService */
export const optInServiceWriteAbi = parseAbi([
  'function optIn(address where)',
  'function optIn(address who, address where, uint48 deadline, bytes signature)',
  'function optOut(address where)',
  'function optOut(address who, address where, uint48 deadline, bytes signature)',
  'function increaseNonce(address where)',
  'function nonces(address who, address where) view returns (uint256)',
]);

/** §6.2 VaultConfigurator */
export const vaultConfiguratorAbi = parseAbi([
  'struct ConfiguratorInitParams { uint64 version; address owner; bytes vaultParams; uint64 delegatorIndex; bytes delegatorParams; bool withSlasher; uint64 slasherIndex; bytes slasherParams; }',
  'function create(ConfiguratorInitParams params) returns (address vault, address delegator, address slasher)',
]);

/** §6.2 VaultFactory */
export const factoryCreateAbi = parseAbi([
  'function create(uint64 version, address owner_, bytes data) returns (address)',
  'function create(uint64 type_, bytes data) returns (address)',
]);

/** §6.2 struct layouts of the VaultConfigurator params (for parseAbiParameters; each params field is abi.encode(<one struct>)). */
export const initParamsStructs = [
  'struct VaultInitParams { address collateral; address burner; uint48 epochDuration; bool depositWhitelist; bool isDepositLimit; uint256 depositLimit; address defaultAdminRoleHolder; address depositWhitelistSetRoleHolder; address depositorWhitelistRoleHolder; address isDepositLimitSetRoleHolder; address depositLimitSetRoleHolder; }',
  'struct InitParamsTokenized { VaultInitParams baseParams; string name; string symbol; }',
  'struct DelegatorBaseParams { address defaultAdminRoleHolder; address hook; address hookSetRoleHolder; }',
  'struct NetworkRestakeInitParams { DelegatorBaseParams baseParams; address[] networkLimitSetRoleHolders; address[] operatorNetworkSharesSetRoleHolders; }',
  'struct FullRestakeInitParams { DelegatorBaseParams baseParams; address[] networkLimitSetRoleHolders; address[] operatorNetworkLimitSetRoleHolders; }',
  'struct OperatorSpecificInitParams { DelegatorBaseParams baseParams; address[] networkLimitSetRoleHolders; address operator; }',
  'struct OperatorNetworkSpecificInitParams { DelegatorBaseParams baseParams; address network; address operator; }',
  'struct SlasherBaseParams { bool isBurnerHook; }',
  'struct SlasherInitParams { SlasherBaseParams baseParams; }',
  'struct VetoSlasherInitParams { SlasherBaseParams baseParams; uint48 vetoDuration; uint256 resolverSetEpochsDelay; }',
] as const;
