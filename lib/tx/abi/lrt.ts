// Liquid-restaking deposit entry points, verbatim from ../shared/reference/protocols.md §6.4
// (one parseAbi array per block). Used only to decode calls to the LRT contracts in lrt-targets.ts;
// selectors are pinned against the reference table in selectors.test.ts.
import { parseAbi } from 'viem';

/** §6.4 ether.fi LiquidityPool */
export const etherfiLiquidityPoolAbi = parseAbi([
  'function deposit() payable returns (uint256)',
  'function deposit(address _referral) payable returns (uint256)',
  'event Deposit(address indexed sender, uint256 amount, uint8 source, address referral)',
]);

/** §6.4 ether.fi Liquifier (both depositWithERC20 forms: which one is deployed is UNCONFIRMED). */
export const etherfiLiquifierAbi = parseAbi([
  'function depositWithERC20(address _token, uint256 _amount, uint256 _minOutAmount, address _referral) returns (uint256)',
  'function depositWithERC20(address _token, uint256 _amount, address _referral) returns (uint256)',
]);

/** §6.4 Renzo RestakeManager */
export const renzoRestakeManagerAbi = parseAbi([
  'function deposit(address _collateralToken, uint256 _amount)',
  'function deposit(address _collateralToken, uint256 _amount, uint256 _referralId)',
  'function depositETH() payable',
  'function depositETH(uint256 _referralId) payable',
  'event Deposit(address depositor, address token, uint256 amount, uint256 ezETHMinted, uint256 referralId)',
]);

/** §6.4 Kelp DAO LRTDepositPool */
export const kelpDepositPoolAbi = parseAbi([
  'function depositETH(uint256 minRSETHAmountExpected, string referralId) payable',
  'function depositAsset(address asset, uint256 depositAmount, uint256 minRSETHAmountExpected, string referralId)',
  'event ETHDeposit(address indexed depositor, uint256 depositAmount, uint256 rsethMintAmount, string referralId)',
  'event AssetDeposit(address indexed depositor, address indexed asset, uint256 depositAmount, uint256 rsethMintAmount, string referralId)',
]);

/** §6.4 Puffer PufferVault (= the pufETH token) */
export const pufferVaultAbi = parseAbi([
  'function depositETH(address receiver) payable returns (uint256)',
  'function depositStETH(uint256 stETHSharesAmount, address receiver) returns (uint256)',
  'function deposit(uint256 assets, address receiver) returns (uint256)',
  'function mint(uint256 shares, address receiver) returns (uint256)',
]);

/** §6.4 Puffer PufferDepositor */
export const pufferDepositorAbi = parseAbi([
  'struct Permit { uint256 deadline; uint256 amount; uint8 v; bytes32 r; bytes32 s; }',
  'function depositStETH(Permit permitData, address recipient) returns (uint256 pufETHAmount)',
  'function depositWstETH(Permit permitData, address recipient) returns (uint256 pufETHAmount)',
]);

/** §6.4 Swell rswETH */
export const swellRswethAbi = parseAbi([
  'function deposit() payable',
  'function depositWithReferral(address referral) payable',
  'event ETHDepositReceived(address indexed from, uint256 amount, uint256 rswETHMinted, uint256 newTotalETHDeposited, address indexed referral)',
]);
