// Devnet protocol parameters. Mainnet uses 100800/100800/126000 blocks; these are small so tests can
// cross every window by mining a few dozen blocks, and match EigenLayer's testnet values where one exists.
export interface DevnetParameters {
  minWithdrawalDelayBlocks: number;
  deallocationDelay: number;
  allocationConfigurationDelay: number;
  slasherConfigurationDelay: number;
  /** version() of the core contracts; EIP-712 domains use its first character, as on mainnet. */
  version: string;
}

export const DEVNET_PARAMETERS: DevnetParameters = {
  minWithdrawalDelayBlocks: 50,
  deallocationDelay: 50,
  allocationConfigurationDelay: 75,
  slasherConfigurationDelay: 75,
  version: 'v1.12.0',
};
