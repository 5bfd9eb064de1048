// `positions --rpc URL [--deployments FILE] [--json] ADDRESS...`
import { parseArgs } from 'node:util';
import { snapshotToJson } from '../portfolio/codec.js';
import { readSnapshot } from '../portfolio/read-snapshot.js';
import { renderPositions } from './render-positions.js';
import { resolveTarget, type CommandIO } from './resolve-target.js';

export type { CommandIO } from './resolve-target.js';

export async function positionsCommand(argv: string[], io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { rpc: { type: 'string', multiple: true }, deployments: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const { addresses, rpcUrls, deployments } = await resolveTarget(values, positionals);
  const snapshot = await readSnapshot({ chainId: deployments.chainId, rpcUrls, deployments }, addresses);
  io.stdout(values.json ? snapshotToJson(snapshot, 2) : renderPositions(snapshot));
}
