// A local JSON-RPC proxy in front of anvil that behaves like a provider with an eth_getLogs range
// cap: a getLogs whose range exceeds `maxRange` blocks gets a provider-style error (HTTP 200,
// JSON-RPC error object); everything else is forwarded. Single and batched bodies are handled.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface RpcCall {
  id: number | string;
  method: string;
  params?: unknown[];
}

export interface LogsLimitProxy {
  url: string;
  getLogs: number;
  rejected: number;
  http: number;
  reset(): void;
  close(): Promise<void>;
}

function forward(upstream: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ hostname: upstream.hostname, port: upstream.port, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let out = '';
      res.on('data', (d) => (out += d));
      res.on('end', () => resolve(out));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function startLogsLimitProxy(upstreamUrl: string, maxRange: number, message: string, code = -32005): Promise<LogsLimitProxy> {
  const upstream = new URL(upstreamUrl);
  const stats = { getLogs: 0, rejected: 0, http: 0 };
  const tooWide = (c: RpcCall) => {
    if (c.method !== 'eth_getLogs') return false;
    stats.getLogs++;
    const f = (c.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
    const wide = Number(BigInt(f.toBlock ?? '0x0') - BigInt(f.fromBlock ?? '0x0')) + 1 > maxRange;
    if (wide) stats.rejected++;
    return wide;
  };
  const server: Server = createServer((req, res) => {
    stats.http++;
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const parsed = JSON.parse(body) as RpcCall | RpcCall[];
      const calls = Array.isArray(parsed) ? parsed : [parsed];
      const refused = new Set(calls.filter(tooWide).map((c) => c.id));
      const passing = calls.filter((c) => !refused.has(c.id));
      const answers = new Map<unknown, unknown>();
      if (passing.length) {
        const out = JSON.parse(await forward(upstream, JSON.stringify(passing))) as { id: unknown }[];
        for (const a of out) answers.set(a.id, a);
      }
      for (const id of refused) answers.set(id, { jsonrpc: '2.0', id, error: { code, message } });
      const reply = calls.map((c) => answers.get(c.id));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(parsed) ? reply : reply[0]));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get getLogs() {
      return stats.getLogs;
    },
    get rejected() {
      return stats.rejected;
    },
    get http() {
      return stats.http;
    },
    reset() {
      stats.getLogs = 0;
      stats.rejected = 0;
      stats.http = 0;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
