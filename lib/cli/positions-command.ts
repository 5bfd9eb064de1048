// `positions --rpc URL [--deployments FILE] [--json] ADDRESS...`
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Address } from 'viem';
import { createChainClient } from '../chains/client.js';
import { parseDeployments, type Deployments } from '../chains/deployments.js';
import { defaultDeployments } from '../chains/registry.js';
import { InvalidDeploymentsError, InvalidSettingsError, RpcUnavailableError } from '../errors/errors.js';
import { snapshotToJson } from '../portfolio/codec.js';
import { readSnapshot } from '../portfolio/read-snapshot.js';
import { parseAddress } from '../chains/parse-address.js';
import { renderPositions } from './render-positions.js';

export interface CommandIO {
  stdout: (text: string) => void;
}

export async function positionsCommand(argv: string[], io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { rpc: { type: 'string', multiple: true }, deployments: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new InvalidSettingsError('give at least one ADDRESS');
  const addresses: Address[] = positionals.map(parseAddress);

  let deployments: Deployments | undefined;
  let fileRpc: string | undefined;
  if (values.deployments) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.deployments, 'utf8'));
    } catch (error) {
      throw new InvalidDeploymentsError(`cannot read deployments file ${values.deployments}: ${(error as Error).message}`);
    }
    deployments = parseDeployments(json);
    const rpc = (json as { rpcUrl?: unknown }).rpcUrl;
    if (typeof rpc === 'string') fileRpc = rpc;
  }
  const rpcUrls = values.rpc ?? (fileRpc ? [fileRpc] : []);
  if (rpcUrls.length === 0) throw new InvalidSettingsError('give --rpc URL (or a deployments file that names its rpcUrl)');
  for (const url of rpcUrls) {
    if (!/^https?:\/\//i.test(url)) throw new InvalidSettingsError(`--rpc ${url}: expected an http(s) URL`);
  }

  let chainId = deployments?.chainId;
  if (chainId === undefined) {
    try {
      chainId = await createChainClient({ chainId: 1, rpcUrls, deployments: defaultDeployments(1)!, retryCount: 1 }).getChainId();
    } catch (error) {
      throw new RpcUnavailableError(`Could not reach the RPC (${rpcUrls.join(', ')}): ${(error as Error).message.split('\n')[0]}`);
    }
    deployments = defaultDeployments(chainId);
    if (!deployments) throw new InvalidDeploymentsError(`no built-in deployments for chain ${chainId}; pass --deployments FILE`);
  }
  const snapshot = await readSnapshot({ chainId, rpcUrls, deployments: deployments! }, addresses);
  io.stdout(values.json ? snapshotToJson(snapshot, 2) : renderPositions(snapshot));
}
