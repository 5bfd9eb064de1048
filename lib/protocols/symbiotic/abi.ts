// Symbiotic core v1 read ABIs, exactly the viem human-readable fragments of the reference §2.11
// (../shared/reference/protocols.md; checked by abi.test.ts against tests/fixtures/reference-symbiotic.json).
// One constant per reference block; combined views below are what the adapter calls.
import { parseAbi } from 'viem';

/** §2.11 VaultFactoryOrRegistry */
export const registryAbi = parseAbi([
  'function totalEntities() view returns (uint256)',
  'function entity(uint256 index) view returns (address)',
  'function isEntity(address account) view returns (bool)',
  'event AddEntity(address indexed entity)',
]);

/** §2.11 VaultFactoryExtra */
export const vaultFactoryExtraAbi = parseAbi([
  'function lastVersion() view returns (uint64)',
  'function implementation(uint64 version) view returns (address)',
  'function blacklisted(uint64 version) view returns (bool)',
  'event Migrate(address indexed entity, uint64 newVersion)',
]);

/** §2.11 Vault */
export const vaultAbi = parseAbi([
  'function version() view returns (uint64)',
  'function owner() view returns (address)',
  'function collateral() view returns (address)',
  'function burner() view returns (address)',
  'function delegator() view returns (address)',
  'function slasher() view returns (address)',
  'function isDelegatorInitialized() view returns (bool)',
  'function isSlasherInitialized() view returns (bool)',
  'function isInitialized() view returns (bool)',
  'function epochDurationInit() view returns (uint48)',
  'function epochDuration() view returns (uint48)',
  'function epochAt(uint48 timestamp) view returns (uint256)',
  'function currentEpoch() view returns (uint256)',
  'function currentEpochStart() view returns (uint48)',
  'function previousEpochStart() view returns (uint48)',
  'function nextEpochStart() view returns (uint48)',
  'function depositWhitelist() view returns (bool)',
  'function isDepositorWhitelisted(address account) view returns (bool)',
  'function isDepositLimit() view returns (bool)',
  'function depositLimit() view returns (uint256)',
  'function totalStake() view returns (uint256)',
  'function activeStake() view returns (uint256)',
  'function activeStakeAt(uint48 timestamp, bytes hint) view returns (uint256)',
  'function activeShares() view returns (uint256)',
  'function activeSharesAt(uint48 timestamp, bytes hint) view returns (uint256)',
  'function activeSharesOf(address account) view returns (uint256)',
  'function activeSharesOfAt(address account, uint48 timestamp, bytes hint) view returns (uint256)',
  'function activeBalanceOf(address account) view returns (uint256)',
  'function activeBalanceOfAt(address account, uint48 timestamp, bytes hints) view returns (uint256)',
  'function slashableBalanceOf(address account) view returns (uint256)',
  'function withdrawals(uint256 epoch) view returns (uint256)',
  'function withdrawalShares(uint256 epoch) view returns (uint256)',
  'function withdrawalSharesOf(uint256 epoch, address account) view returns (uint256)',
  'function withdrawalsOf(uint256 epoch, address account) view returns (uint256)',
  'function isWithdrawalsClaimed(uint256 epoch, address account) view returns (bool)',
  'event Deposit(address indexed depositor, address indexed onBehalfOf, uint256 amount, uint256 shares)',
  'event Withdraw(address indexed withdrawer, address indexed claimer, uint256 amount, uint256 burnedShares, uint256 mintedShares)',
  'event Claim(address indexed claimer, address indexed recipient, uint256 epoch, uint256 amount)',
  'event ClaimBatch(address indexed claimer, address indexed recipient, uint256[] epochs, uint256 amount)',
  'event OnSlash(uint256 amount, uint48 captureTimestamp, uint256 slashedAmount)',
  'event SetDepositWhitelist(bool status)',
  'event SetDepositLimit(uint256 limit)',
  'event SetIsDepositLimit(bool status)',
  'event SetDelegator(address indexed delegator)',
  'event SetSlasher(address indexed slasher)',
]);

/** §2.11 BaseDelegator */
export const baseDelegatorAbi = parseAbi([
  'function TYPE() view returns (uint64)',
  'function VERSION() view returns (uint64)',
  'function vault() view returns (address)',
  'function hook() view returns (address)',
  'function maxNetworkLimit(bytes32 subnetwork) view returns (uint256)',
  'function stake(bytes32 subnetwork, address operator) view returns (uint256)',
  'function stakeAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes hints) view returns (uint256)',
  'event SetMaxNetworkLimit(bytes32 indexed subnetwork, uint256 amount)',
  'event OnSlash(bytes32 indexed subnetwork, address indexed operator, uint256 amount, uint48 captureTimestamp)',
  'event SetHook(address indexed hook)',
]);

/** §2.11 NetworkRestakeDelegator */
export const networkRestakeDelegatorAbi = parseAbi([
  'function networkLimit(bytes32 subnetwork) view returns (uint256)',
  'function networkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes hint) view returns (uint256)',
  'function totalOperatorNetworkShares(bytes32 subnetwork) view returns (uint256)',
  'function totalOperatorNetworkSharesAt(bytes32 subnetwork, uint48 timestamp, bytes hint) view returns (uint256)',
  'function operatorNetworkShares(bytes32 subnetwork, address operator) view returns (uint256)',
  'function operatorNetworkSharesAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes hint) view returns (uint256)',
  'event SetNetworkLimit(bytes32 indexed subnetwork, uint256 amount)',
  'event SetOperatorNetworkShares(bytes32 indexed subnetwork, address indexed operator, uint256 shares)',
]);

/** §2.11 FullRestakeDelegator */
export const fullRestakeDelegatorAbi = parseAbi([
  'function networkLimit(bytes32 subnetwork) view returns (uint256)',
  'function networkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes hint) view returns (uint256)',
  'function operatorNetworkLimit(bytes32 subnetwork, address operator) view returns (uint256)',
  'function operatorNetworkLimitAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes hint) view returns (uint256)',
  'event SetNetworkLimit(bytes32 indexed subnetwork, uint256 amount)',
  'event SetOperatorNetworkLimit(bytes32 indexed subnetwork, address indexed operator, uint256 amount)',
]);

/** §2.11 OperatorSpecificDelegator */
export const operatorSpecificDelegatorAbi = parseAbi([
  'function operator() view returns (address)',
  'function networkLimit(bytes32 subnetwork) view returns (uint256)',
  'function networkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes hint) view returns (uint256)',
  'event SetNetworkLimit(bytes32 indexed subnetwork, uint256 amount)',
]);

/** §2.11 OperatorNetworkSpecificDelegator */
export const operatorNetworkSpecificDelegatorAbi = parseAbi([
  'function operator() view returns (address)',
  'function network() view returns (address)',
  'function maxNetworkLimitAt(bytes32 subnetwork, uint48 timestamp, bytes hint) view returns (uint256)',
]);

/** §2.11 BaseSlasher */
export const baseSlasherAbi = parseAbi([
  'function TYPE() view returns (uint64)',
  'function vault() view returns (address)',
  'function isBurnerHook() view returns (bool)',
  'function latestSlashedCaptureTimestamp(bytes32 subnetwork, address operator) view returns (uint48)',
  'function cumulativeSlash(bytes32 subnetwork, address operator) view returns (uint256)',
  'function cumulativeSlashAt(bytes32 subnetwork, address operator, uint48 timestamp, bytes hint) view returns (uint256)',
  'function slashableStake(bytes32 subnetwork, address operator, uint48 captureTimestamp, bytes hints) view returns (uint256)',
]);

/** §2.11 Slasher */
export const slasherAbi = parseAbi([
  'event Slash(bytes32 indexed subnetwork, address indexed operator, uint256 slashedAmount, uint48 captureTimestamp)',
]);

/** §2.11 VetoSlasher */
export const vetoSlasherAbi = parseAbi([
  'function vetoDuration() view returns (uint48)',
  'function resolverSetEpochsDelay() view returns (uint256)',
  'function slashRequestsLength() view returns (uint256)',
  'function slashRequests(uint256 slashIndex) view returns (bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, uint48 vetoDeadline, bool completed)',
  'function resolver(bytes32 subnetwork, bytes hint) view returns (address)',
  'function resolverAt(bytes32 subnetwork, uint48 timestamp, bytes hint) view returns (address)',
  'event RequestSlash(uint256 indexed slashIndex, bytes32 indexed subnetwork, address indexed operator, uint256 slashAmount, uint48 captureTimestamp, uint48 vetoDeadline)',
  'event ExecuteSlash(uint256 indexed slashIndex, uint256 slashedAmount)',
  'event VetoSlash(uint256 indexed slashIndex, address indexed resolver)',
  'event SetResolver(bytes32 indexed subnetwork, address resolver)',
]);

/** §2.11 OptInService */
export const optInServiceAbi = parseAbi([
  'function isOptedIn(address who, address where) view returns (bool)',
  'function isOptedInAt(address who, address where, uint48 timestamp, bytes hint) view returns (bool)',
  'event OptIn(address indexed who, address indexed where)',
  'event OptOut(address indexed who, address indexed where)',
]);

/** §2.11 NetworkMiddlewareService */
export const networkMiddlewareServiceAbi = parseAbi([
  'function middleware(address network) view returns (address)',
  'event SetMiddleware(address indexed network, address middleware)',
]);

/** §2.11 MetadataService */
export const metadataServiceAbi = parseAbi([
  'function metadataURL(address entity) view returns (string)',
  'event SetMetadataURL(address indexed entity, string metadataURL)',
]);

/** §2.11 BurnerRouter */
export const burnerRouterAbi = parseAbi([
  'function collateral() view returns (address)',
  'function delay() view returns (uint48)',
  'function globalReceiver() view returns (address)',
  'function networkReceiver(address network) view returns (address)',
  'function operatorNetworkReceiver(address network, address operator) view returns (address)',
  'event TriggerTransfer(address indexed receiver, uint256 amount)',
]);

/** VaultFactory = IRegistry + IMigratablesFactory. */
export const vaultFactoryAbi = [...registryAbi, ...vaultFactoryExtraAbi] as const;
