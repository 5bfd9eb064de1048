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
  // On a pipe or socket, stdout writes complete asynchronously and process.exit drops what is still
  // queued: a large report (risk --json) would be cut off. main resolves once every write is flushed.
  const writes: Promise<void>[] = [];
  const io = { stdout: (t: string) => void writes.push(new Promise<void>((done) => process.stdout.write(t + '\n', () => done()))) };
  const flushed = async (code: number) => (await Promise.all(writes), code);
  try {
    if (command === 'positions') await positionsCommand(rest, io);
    else if (command === 'alerts') await alertsCommand(rest, io);
    else if (command === 'rewards') await rewardsCommand(rest, io);
    else if (command === 'risk') await riskCommand(rest, io);
    else {
      process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
      return 2;
    }
    return await flushed(0);
  } catch (error) {
    const e = error as Error;
    process.stderr.write(`error: ${e.message}\n`);
    if (error instanceof RpcUnavailableError) return flushed(3);
    if (error instanceof RestakeError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(USAGE + '\n');
      return flushed(2);
    }
    return flushed(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
