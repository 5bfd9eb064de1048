// Named errors of the devnet tooling (compile, anvil, deploy); messages say what to do.
import { RestakeError } from '../errors/errors.js';

export class ContractCompileError extends RestakeError {
  override name = 'ContractCompileError';
}

export class AnvilStartError extends RestakeError {
  override name = 'AnvilStartError';
}

export class DevnetDeployError extends RestakeError {
  override name = 'DevnetDeployError';
}
