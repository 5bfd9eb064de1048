// The EIP-1193 "user rejected" error (code 4001). dApps (viem, ethers, web3.js) test `code === 4001`,
// so the shape matters more than the class; it is an Error so stack-based loggers keep working.
export const USER_REJECTED_MESSAGE = 'User rejected the request.';

export interface ProviderRpcError extends Error {
  code: number;
  data?: unknown;
}

export function userRejectedError(): ProviderRpcError {
  return Object.assign(new Error(USER_REJECTED_MESSAGE), { name: 'ProviderRpcError', code: 4001 });
}
