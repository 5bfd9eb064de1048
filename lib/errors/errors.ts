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

/** The rewards API (EigenLayer Sidecar) could not be reached, timed out or answered with a server error. */
export class SidecarUnavailableError extends RestakeError {
  override name = 'SidecarUnavailableError';
}

/** The rewards API answered, but the answer is malformed, too large or not the documented shape: untrusted, dropped. */
export class SidecarResponseError extends RestakeError {
  override name = 'SidecarResponseError';
}

/** The rewards API has nothing for this earner (HTTP 404 / gRPC NOT_FOUND). */
export class SidecarNotFoundError extends RestakeError {
  override name = 'SidecarNotFoundError';
}

/** A metadata URI could not be fetched within the limits (size, time, scheme) or was not usable JSON. */
export class MetadataFetchError extends RestakeError {
  override name = 'MetadataFetchError';
}

/** User-adjustable risk thresholds failed validation; `details.errors` lists each bad value. */
export class InvalidThresholdsError extends RestakeError {
  override name = 'InvalidThresholdsError';
}
