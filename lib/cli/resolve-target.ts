// What every CLI command reads against: the addresses, the RPC URLs, the chain's deployments (a
// deployments file, or the built-in ones of the chain the RPC serves) and the head block. Bad input
// and unreachable RPCs become named errors (exit codes 2 and 3 in main.ts).
import { readFile } from 'node:fs/promises';
import type { Address } from 'viem';
import { createChainClient } from '../chains/client.js';
import { parseDeployments, type Deployments } from '../chains/deployments.js';
import { parseAddress } from '../chains/parse-address.js';
import { isTransportError } from '../chains/read-calls.js';
import { defaultDeployments } from '../chains/registry.js';
import { InvalidDeploymentsError, InvalidSettingsError, RpcUnavailableError } from '../errors/errors.js';

export interface CommandIO {
  stdout: (text: string) => void;
}

export interface Target {
  addresses: Address[];
  rpcUrls: string[];
  deployments: Deployments;
  head: bigint;
}

export function rpcUnavailable(rpcUrls: readonly string[], error: unknown): RpcUnavailableError {
  return new RpcUnavailableError(`Could not reach the RPC (${rpcUrls.join(', ')}): ${(error as Error).message.split('\n')[0]}`, undefined, { cause: error });
}

export async function resolveTarget(options: { rpc?: string[]; deployments?: string }, positionals: string[]): Promise<Target> {
  if (positionals.length === 0) throw new InvalidSettingsError('give at least one ADDRESS');
  const addresses = positionals.map(parseAddress);

  let deployments: Deployments | undefined;
  let fileRpc: string | undefined;
  if (options.deployments) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(options.deployments, 'utf8'));
    } catch (error) {
      throw new InvalidDeploymentsError(`cannot read deployments file ${options.deployments}: ${(error as Error).message}`);
    }
    deployments = parseDeployments(json);
    const rpc = (json as { rpcUrl?: unknown }).rpcUrl;
    if (typeof rpc === 'string') fileRpc = rpc;
  }
  const rpcUrls = options.rpc ?? (fileRpc ? [fileRpc] : []);
  if (rpcUrls.length === 0) throw new InvalidSettingsError('give --rpc URL (or a deployments file that names its rpcUrl)');
  for (const url of rpcUrls) if (!/^https?:\/\//i.test(url)) throw new InvalidSettingsError(`--rpc ${url}: expected an http(s) URL`);

  try {
    const probe = createChainClient({ chainId: deployments?.chainId ?? 1, rpcUrls, deployments: deployments ?? defaultDeployments(1)!, retryCount: 1 });
    const [chainId, head] = await Promise.all([probe.getChainId(), probe.getBlockNumber()]);
    if (deployments && deployments.chainId !== chainId) throw new InvalidDeploymentsError(`the RPC serves chain ${chainId} but the deployments file is for chain ${deployments.chainId}`);
    deployments ??= defaultDeployments(chainId);
    if (!deployments) throw new InvalidDeploymentsError(`no built-in deployments for chain ${chainId}; pass --deployments FILE`);
    return { addresses, rpcUrls, deployments, head };
  } catch (error) {
    throw isTransportError(error) ? rpcUnavailable(rpcUrls, error) : error;
  }
}
