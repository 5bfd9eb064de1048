// `alerts [--rpc URL] [--deployments FILE] [--from-block N] [--json] ADDRESS...`: scans the chain
// from N to the head with the same engine (detectors, scanner, model) as the extension's inbox and
// prints the alerts for those addresses.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Address } from 'viem';
import { alertsToJson } from '../alerts/codec.js';
import { scanOnce } from '../alerts/scan.js';
import { initialScanState } from '../alerts/scan-state.js';
import type { Alert } from '../alerts/types.js';
import { createChainClient } from '../chains/client.js';
import { parseAddress } from '../chains/parse-address.js';
import { isTransportError } from '../chains/read-calls.js';
import { parseDeployments, type Deployments } from '../chains/deployments.js';
import { defaultDeployments } from '../chains/registry.js';
import { InvalidDeploymentsError, InvalidSettingsError, RpcUnavailableError } from '../errors/errors.js';
import type { CommandIO } from './positions-command.js';
import { renderAlerts } from './render-alerts.js';

/** Default look-back without --from-block: ~1 week of Ethereum blocks. */
export const DEFAULT_LOOKBACK_BLOCKS = 50_400;

export async function alertsCommand(argv: string[], io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      rpc: { type: 'string', multiple: true },
      deployments: { type: 'string' },
      'from-block': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new InvalidSettingsError('give at least one ADDRESS');
  const addresses: Address[] = positionals.map(parseAddress);
  const fromArg = values['from-block'];
  if (fromArg !== undefined && !/^\d+$/.test(fromArg)) throw new InvalidSettingsError(`--from-block ${fromArg}: expected a block number`);

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
  for (const url of rpcUrls) if (!/^https?:\/\//i.test(url)) throw new InvalidSettingsError(`--rpc ${url}: expected an http(s) URL`);

  const unreachable = (error: unknown) => new RpcUnavailableError(`Could not reach the RPC (${rpcUrls.join(', ')}): ${(error as Error).message.split('\n')[0]}`, undefined, { cause: error });
  let head: bigint;
  try {
    const probe = createChainClient({ chainId: deployments?.chainId ?? 1, rpcUrls, deployments: deployments ?? defaultDeployments(1)!, retryCount: 1 });
    const [chainId, block] = await Promise.all([probe.getChainId(), probe.getBlockNumber()]);
    head = block;
    if (deployments && deployments.chainId !== chainId) throw new InvalidDeploymentsError(`the RPC serves chain ${chainId} but the deployments file is for chain ${deployments.chainId}`);
    deployments ??= defaultDeployments(chainId);
    if (!deployments) throw new InvalidDeploymentsError(`no built-in deployments for chain ${chainId}; pass --deployments FILE`);
  } catch (error) {
    throw isTransportError(error) ? unreachable(error) : error;
  }
  const fromBlock = fromArg !== undefined ? Number(fromArg) : Math.max(0, Number(head) - DEFAULT_LOOKBACK_BLOCKS);
  const client = createChainClient({ chainId: deployments.chainId, rpcUrls, deployments });
  let result;
  try {
    result = await scanOnce(initialScanState(deployments.chainId, fromBlock), { client, deployments, addresses });
  } catch (error) {
    throw isTransportError(error) ? unreachable(error) : error;
  }
  const byId = new Map<string, Alert>();
  for (const a of [...result.newAlerts, ...result.changedAlerts]) byId.set(a.id, a);
  const alerts = [...byId.values()].sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
  const scanned = { chainId: deployments.chainId, fromBlock, toBlock: Number(result.head), finalizedBlock: Number(result.finalized) };
  if (values.json) io.stdout(`{"chainId":${scanned.chainId},"fromBlock":${fromBlock},"toBlock":${scanned.toBlock},"finalizedBlock":${scanned.finalizedBlock},"alerts":${alertsToJson(alerts, 2)}}`);
  else io.stdout(renderAlerts(alerts, scanned));
}
