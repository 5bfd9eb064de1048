// RPC behaviour of a refresh against real anvil behind local HTTP servers that misbehave:
// fallback to the next URL, retry after 429/503, a typed error when every URL fails, a wrong chain.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { parseDeployments } from '../../lib/chains/deployments.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { RpcUnavailableError, BadRpcResponseError } from '../../lib/errors/errors.js';
import { readSnapshot } from '../../lib/portfolio/read-snapshot.js';

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let stakers: Address[];
const servers: Server[] = [];

/** A server that answers `failures` requests with `status`, then forwards to anvil. */
async function flaky(status: number, failures: number, rewriteChainId = false) {
  let seen = 0;
  const upstream = new URL(devnet.rpcUrl);
  const server = createServer((req, res) => {
    seen++;
    if (seen <= failures) return void res.writeHead(status, { 'content-type': 'text/plain' }).end('busy');
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const fwd = request({ hostname: upstream.hostname, port: upstream.port, method: 'POST', headers: { 'content-type': 'application/json' } }, (up) => {
        let out = '';
        up.on('data', (d) => (out += d));
        up.on('end', () => {
          if (rewriteChainId) out = out.replace(/"result":"0x7a69"/g, '"result":"0x1"');
          res.writeHead(200, { 'content-type': 'application/json' }).end(out);
        });
      });
      fwd.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen: () => seen };
}

beforeAll(async () => {
  devnet = await startDevnet({});
  stakers = (devnet.manifest.actors as { role: string; address: Address }[]).filter((a) => a.role === 'staker').map((a) => a.address);
});
afterAll(async () => {
  for (const s of servers) s.close();
  await devnet?.stop();
});

const config = (rpcUrls: string[]) => ({ chainId: devnet.manifest.chainId as number, rpcUrls, deployments: parseDeployments(devnet.manifest) });

describe('refresh over unreliable RPCs', () => {
  it('retries after 429 and 503 with backoff and then succeeds', async () => {
    const busy = await flaky(429, 1);
    const s = await readSnapshot(config([busy.url]), stakers);
    expect(s.addresses.every((a) => a.failures.length === 0)).toBe(true);
    expect(busy.seen()).toBeGreaterThan(1);
    const down = await flaky(503, 2);
    expect((await readSnapshot(config([down.url]), stakers)).addresses).toHaveLength(stakers.length);
  });

  it('falls back to the next URL when the first cannot be reached', async () => {
    const s = await readSnapshot(config(['http://127.0.0.1:9', devnet.rpcUrl]), stakers, { retryCount: 0 });
    expect(s.addresses.every((a) => a.failures.length === 0)).toBe(true);
    expect(s.addresses.some((a) => a.positions.length > 0)).toBe(true);
  });

  it('rejects with RpcUnavailableError naming the URLs when every URL fails', async () => {
    const err = await readSnapshot(config(['http://127.0.0.1:9']), stakers, { retryCount: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcUnavailableError);
    expect((err as Error).message).toContain('127.0.0.1:9');
  });

  it('refuses an RPC that serves another chain', async () => {
    const liar = await flaky(200, 0, true);
    const err = await readSnapshot(config([liar.url]), stakers).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRpcResponseError);
    expect((err as Error).message).toMatch(/serves chain 1, expected 31337/);
  });
});
