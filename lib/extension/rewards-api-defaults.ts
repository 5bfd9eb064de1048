// Suggested base URLs of the hosted EigenLayer Sidecar API (reference §1.5, from Layr-Labs'
// eigenlayer-cli). Suggestions only: nothing is contacted until the user turns the API on.
export const SUGGESTED_REWARDS_API: Readonly<Record<number, string>> = {
  1: 'https://sidecar-rpc.eigenlayer.xyz/mainnet',
  17000: 'https://sidecar-rpc.eigenlayer.xyz/holesky',
};
