// Public Ethereum mainnet JSON-RPC endpoints shipped as the default. They need no API key and
// answer CORS; wxt.config.ts derives host_permissions from this list, so a new default host here
// is automatically granted at install (other hosts go through optional_host_permissions).
export const MAINNET_RPC_URLS: readonly string[] = [
  'https://ethereum-rpc.publicnode.com',
  'https://eth.llamarpc.com',
  'https://eth.drpc.org',
];
