// Errors are values with names: a short message saying what to do, details, and the cause.
export class RestakeError extends Error {
  override name = 'RestakeError';
  readonly details?: unknown;
  constructor(message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.details = details;
  }
}

export class InvalidAddressError extends RestakeError {
  override name = 'InvalidAddressError';
}

export class InvalidDeploymentsError extends RestakeError {
  override name = 'InvalidDeploymentsError';
}

export class InvalidSettingsError extends RestakeError {
  override name = 'InvalidSettingsError';
}

/** Every RPC URL of a chain failed (after retries). */
export class RpcUnavailableError extends RestakeError {
  override name = 'RpcUnavailableError';
}

/** The RPC answered, but with something that is not what the protocol returns. */
export class BadRpcResponseError extends RestakeError {
  override name = 'BadRpcResponseError';
}
