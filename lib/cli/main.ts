#!/usr/bin/env node
// CLI entry: `npm run cli -- <command> ...`. Exit codes: 0 ok, 2 bad input, 3 RPC unreachable, 1 other.
import { RestakeError, RpcUnavailableError } from '../errors/errors.js';
import { positionsCommand } from './positions-command.js';
import { alertsCommand } from './alerts-command.js';
import { rewardsCommand } from './rewards-command.js';
import { riskCommand } from './risk-command.js';

const USAGE = `usage: npm run cli -- positions --rpc URL [--rpc URL2] [--deployments FILE] [--json] ADDRESS...
       npm run cli -- alerts [--rpc URL] [--deployments FILE] [--from-block N] [--json] ADDRESS...
       npm run cli -- rewards --rpc URL [--deployments FILE] [--rewards-api URL] [--json] ADDRESS...
       npm run cli -- risk [--rpc URL] [--deployments FILE] [--json] [--threshold rule.name=value ...] ADDRESS_OR_ENTITY...`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: (t: string) => process.stdout.write(t + '\n') };
  try {
    if (command === 'positions') await positionsCommand(rest, io);
    else if (command === 'alerts') await alertsCommand(rest, io);
    else if (command === 'rewards') await rewardsCommand(rest, io);
    else if (command === 'risk') await riskCommand(rest, io);
    else {
      process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
      return 2;
    }
    return 0;
  } catch (error) {
    const e = error as Error;
    process.stderr.write(`error: ${e.message}\n`);
    if (error instanceof RpcUnavailableError) return 3;
    if (error instanceof RestakeError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Exit only once stdout is flushed: on a pipe, writes are asynchronous and a large report (risk
  // --json) would otherwise be cut off.
  main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
}
