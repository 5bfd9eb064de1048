// `rewards --rpc URL [--deployments FILE] [--rewards-api URL] [--json] ADDRESS...`: base staking
// yield beside restaking rewards (claimed, claimable) with the same engine as the extension.
// The EigenLayer rewards API is off unless --rewards-api is given: it reveals the addresses to it.
import { parseArgs } from 'node:util';
import { isTransportError } from '../chains/read-calls.js';
import { parseRewardsApiUrl } from '../extension/validation/parse-rewards-api.js';
import { rewardsToPlain } from '../rewards/codec.js';
import { REWARDS_READERS } from '../rewards/readers.js';
import { readRewards } from '../rewards/read-rewards.js';
import { snapshotToPlain } from '../portfolio/codec.js';
import { valueOfSnapshot } from '../rewards/value-of-snapshot.js';
import { renderRewards } from './render-rewards.js';
import { resolveTarget, rpcUnavailable, type CommandIO } from './resolve-target.js';

export async function rewardsCommand(argv: string[], io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      rpc: { type: 'string', multiple: true },
      deployments: { type: 'string' },
      'rewards-api': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const api = values['rewards-api'];
  const sidecar = api === undefined ? null : { baseUrl: parseRewardsApiUrl(api) };
  const { addresses, rpcUrls, deployments } = await resolveTarget(values, positionals);
  let result;
  try {
    result = await readRewards({ chainId: deployments.chainId, rpcUrls, deployments }, addresses, { sidecar, readers: REWARDS_READERS });
  } catch (error) {
    throw isTransportError(error) ? rpcUnavailable(rpcUrls, error) : error;
  }
  const { snapshot, rewards } = result;
  if (values.json) io.stdout(JSON.stringify({ rewards: rewardsToPlain(rewards), positions: snapshotToPlain(snapshot) }, null, 2));
  else io.stdout(renderRewards(snapshot, rewards, valueOfSnapshot(rewards)));
}
