// Symbiotic DefaultStakerRewards ABIs, verbatim the reference §2.11 (StakerRewardsV2, StakerRewardsV1)
// and §6.2 (write:DefaultStakerRewards) fragments; abi.test.ts checks them item by item against
// tests/fixtures/reference-symbiotic.json. Both factory versions are plain Symbiotic registries.
import { parseAbi } from 'viem';

export { registryAbi as stakerRewardsFactoryAbi } from '../../protocols/symbiotic/abi.js';

/** §2.11 StakerRewardsV2: views (shared by v1) and the v2 events. */
export const stakerRewardsV2Abi = parseAbi([
  'function version() view returns (uint64)',
  'function VAULT() view returns (address)',
  'function adminFee() view returns (uint256)',
  'function ADMIN_FEE_BASE() view returns (uint256)',
  'function claimable(address token, address account, bytes data) view returns (uint256)',
  'function rewardsLength(address token, address network) view returns (uint256)',
  'function rewards(address token, address network, uint256 rewardIndex) view returns (uint256 amount, uint48 timestamp)',
  'function lastUnclaimedReward(address account, address token, address network) view returns (uint256)',
  'function claimRewards(address recipient, address token, bytes data)',
  'event DistributeRewards(address indexed network, address indexed token, uint256 distributeAmount, uint256 adminFeeAmount, uint48 timestamp)',
  'event ClaimRewards(address indexed network, address indexed token, address indexed claimer, uint256 amount, address recipient)',
  'event ClaimRewardsExtra(address indexed network, address indexed token, address indexed claimer, uint256 firstClaimedRewardIndex, uint256 rewardsClaimed)',
  'event InitVault(address vault)',
  'event SetAdminFee(uint256 adminFee)',
]);

/** §2.11 StakerRewardsV1: only the events differ from v2 (ClaimRewards has token and network swapped). */
export const stakerRewardsV1EventsAbi = parseAbi([
  'event DistributeRewards(address indexed network, address indexed token, uint256 amount, bytes data)',
  'event ClaimRewards(address indexed token, address indexed network, address indexed claimer, address recipient, uint256 firstRewardIndex, uint256 numRewards, uint256 amount)',
]);

/** §6.2 DefaultStakerRewards (v2) writes and the factory's create (devnet seeding, tests). */
export const stakerRewardsWriteAbi = parseAbi([
  'struct StakerRewardsInitParams { address vault; uint256 adminFee; address defaultAdminRoleHolder; address adminFeeClaimRoleHolder; address adminFeeSetRoleHolder; }',
  'function distributeRewards(address network, address token, uint256 amount, bytes data)',
  'function claimRewards(address recipient, address token, bytes data)',
  'function claimAdminFee(address recipient, address token)',
  'function setAdminFee(uint256 adminFee_)',
  'function create(StakerRewardsInitParams params) returns (address)',
]);
