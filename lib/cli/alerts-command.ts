// `alerts [--rpc URL] [--deployments FILE] [--from-block N] [--json] ADDRESS...`: scans the chain
// from N to the head with the same engine (detectors, scanner, model) as the extension's inbox and
// prints the alerts for those addresses.
import { parseArgs } from 'node:util';
import { alertsToJson } from '../alerts/codec.js';
import { scanOnce } from '../alerts/scan.js';
import { initialScanState } from '../alerts/scan-state.js';
import type { Alert } from '../alerts/types.js';
import { createChainClient } from '../chains/client.js';
import { isTransportError } from '../chains/read-calls.js';
import { InvalidSettingsError } from '../errors/errors.js';
import { resolveTarget, rpcUnavailable, type CommandIO } from './resolve-target.js';
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
  const fromArg = values['from-block'];
  if (fromArg !== undefined && !/^\d+$/.test(fromArg)) throw new InvalidSettingsError(`--from-block ${fromArg}: expected a block number`);
  const { addresses, rpcUrls, deployments, head } = await resolveTarget(values, positionals);
  const fromBlock = fromArg !== undefined ? Number(fromArg) : Math.max(0, Number(head) - DEFAULT_LOOKBACK_BLOCKS);
  const client = createChainClient({ chainId: deployments.chainId, rpcUrls, deployments });
  let result;
  try {
    result = await scanOnce(initialScanState(deployments.chainId, fromBlock), { client, deployments, addresses });
  } catch (error) {
    throw isTransportError(error) ? rpcUnavailable(rpcUrls, error) : error;
  }
  const byId = new Map<string, Alert>();
  for (const a of [...result.newAlerts, ...result.changedAlerts]) byId.set(a.id, a);
  const alerts = [...byId.values()].sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
  const scanned = { chainId: deployments.chainId, fromBlock, toBlock: Number(result.head), finalizedBlock: Number(result.finalized) };
  if (values.json) io.stdout(`{"chainId":${scanned.chainId},"fromBlock":${fromBlock},"toBlock":${scanned.toBlock},"finalizedBlock":${scanned.finalizedBlock},"alerts":${alertsToJson(alerts, 2)}}`);
  else io.stdout(renderAlerts(alerts, scanned));
}
