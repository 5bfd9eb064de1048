// The decoded-transaction model shared by the decoder, the background risk delta and the in-page
// dialog. One discriminated union keyed by `protocol` + `action`; amounts are bigint, addresses
// EIP-55 checksummed (viem's decoder returns them so), nothing here is browser-bound.
import type { Address, Hex } from 'viem';

/** A transaction or one call of a wallet_sendCalls batch, as the page asked for it. */
export interface TxLike {
  chainId: number;
  /** Null for contract creation (never a restaking call). */
  to: Address | null;
  data: Hex;
  value?: bigint;
  from?: Address;
}

export type RestakingAction =
  | 'delegate' | 'deposit' | 'queue-withdrawal' | 'complete-withdrawal' | 'undelegate' | 'redelegate'
  | 'withdraw' | 'redeem' | 'start-redeem' | 'lrt-deposit';

/** What every decoded call carries, whatever its protocol. */
export interface CallBase {
  chainId: number;
  /** The contract called (checksummed). */
  target: Address;
  /** 4-byte selector of the call. */
  selector: Hex;
  /** Solidity function name, for display ("delegateTo"). */
  functionName: string;
  /** The account whose stake changes: tx.from, or the Safe when unwrapped from execTransaction. */
  sender?: Address;
  /** Native value sent with the call (0n when absent). */
  value: bigint;
  /** Set when the call was found inside an outer wrapper (docs/tx-guard.md). */
  via?: { kind: 'safe-exec-transaction'; wallet: Address };
}

// ---- EigenLayer (§6.1) ----
export interface EigenLayerDelegate extends CallBase {
  protocol: 'eigenlayer'; action: 'delegate' | 'redelegate';
  operator: Address;
  approverSignature: Hex; approverExpiry: bigint; approverSalt: Hex;
}
export interface EigenLayerUndelegate extends CallBase {
  protocol: 'eigenlayer'; action: 'undelegate';
  staker: Address;
}
export interface EigenLayerDeposit extends CallBase {
  protocol: 'eigenlayer'; action: 'deposit';
  strategy: Address; token: Address; amount: bigint;
  /** depositIntoStrategyWithSignature credits `staker` (who signed), not the caller. */
  withSignature?: { staker: Address; expiry: bigint; signature: Hex };
}
export interface EigenLayerQueueWithdrawal extends CallBase {
  protocol: 'eigenlayer'; action: 'queue-withdrawal';
  /** One entry per QueuedWithdrawalParams; depositShares are deposit shares, not withdrawable shares. */
  withdrawals: { strategies: Address[]; depositShares: bigint[] }[];
  /** All strategies named, deduplicated, in first-seen order. */
  strategies: Address[];
}
export interface EigenLayerWithdrawal {
  staker: Address; delegatedTo: Address; withdrawer: Address; nonce: bigint; startBlock: number;
  strategies: Address[]; scaledShares: bigint[];
  tokens: Address[]; receiveAsTokens: boolean;
}
export interface EigenLayerCompleteWithdrawal extends CallBase {
  protocol: 'eigenlayer'; action: 'complete-withdrawal';
  withdrawals: EigenLayerWithdrawal[];
  strategies: Address[];
}

// ---- Symbiotic (§6.2) ----
export interface SymbioticVaultCall extends CallBase {
  protocol: 'symbiotic';
  vault: Address;
}
export interface SymbioticDeposit extends SymbioticVaultCall { action: 'deposit'; onBehalfOf: Address; amount: bigint }
export interface SymbioticWithdraw extends SymbioticVaultCall { action: 'withdraw'; claimer: Address; amount: bigint }
export interface SymbioticRedeem extends SymbioticVaultCall { action: 'redeem'; claimer: Address; shares: bigint }

// ---- Karak (§6.3) ----
export interface KarakV2Deposit extends CallBase {
  protocol: 'karak'; version: 2; action: 'deposit';
  vault: Address; to: Address;
  /** ERC-4626 deposit gives assets; mint gives the shares wanted (assets are then computed by the vault). */
  amount: bigint; amountIs: 'assets' | 'shares';
  minSharesOut?: bigint;
}
export interface KarakV2StartRedeem extends CallBase {
  protocol: 'karak'; version: 2; action: 'start-redeem';
  vault: Address; shares: bigint; beneficiary: Address;
}
export interface KarakV1Deposit extends CallBase {
  protocol: 'karak'; version: 1; action: 'deposit';
  supervisor: Address; vault: Address; amount: bigint;
  minSharesOut?: bigint;
  /** Who is credited: the caller, or `user` for depositWithSignature. */
  user?: Address;
  variant: 'deposit' | 'depositAndGimmie' | 'depositWithSignature' | 'legacy-deposit';
}
export interface KarakV1QueueWithdrawal extends CallBase {
  protocol: 'karak'; version: 1; action: 'queue-withdrawal';
  requests: { vaults: Address[]; shares: bigint[]; withdrawer: Address }[];
  vaults: Address[];
}
export interface KarakV1CompleteWithdrawal extends CallBase {
  protocol: 'karak'; version: 1; action: 'complete-withdrawal';
  withdrawals: { staker: Address; delegatedTo: Address; nonce: bigint; start: bigint; vaults: Address[]; shares: bigint[]; withdrawer: Address }[];
  vaults: Address[];
}

// ---- Liquid restaking tokens (§6.4) ----
export type LrtProtocol = 'ether.fi' | 'Renzo' | 'Kelp DAO' | 'Puffer' | 'Swell';
export interface LrtDeposit extends CallBase {
  protocol: 'lrt'; action: 'lrt-deposit';
  lrtProtocol: LrtProtocol;
  /** The LRT minted (registry symbol and address). */
  lrt: { symbol: string; address: Address };
  /** ERC-20 deposited, 'native' for ETH, or a symbol when the function implies the token (Puffer: stETH, wstETH, WETH). */
  asset: Address | 'native' | 'stETH' | 'wstETH' | 'WETH';
  amount: bigint;
  /** What `amount` counts: asset units, LRT shares (ERC-4626 mint), or stETH shares (PufferVault.depositStETH). */
  amountIs: 'assets' | 'lrt-shares' | 'steth-shares';
  /** Receiver when the call names one (else the caller). */
  recipient?: Address;
  minOut?: bigint;
}

export type DecodedRestakingCall =
  | EigenLayerDelegate | EigenLayerUndelegate | EigenLayerDeposit | EigenLayerQueueWithdrawal | EigenLayerCompleteWithdrawal
  | SymbioticDeposit | SymbioticWithdraw | SymbioticRedeem
  | KarakV2Deposit | KarakV2StartRedeem | KarakV1Deposit | KarakV1QueueWithdrawal | KarakV1CompleteWithdrawal
  | LrtDeposit;
