// A loopback HTTP proxy in front of the devnet's anvil. The e2e build of the extension points at
// the proxy, so a test can take "the RPC" down (connections are reset) and bring it back, while
// anvil itself keeps running for the test's own independent reads.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RpcProxy {
  url: string;
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startRpcProxy(target: string, port = 0): Promise<RpcProxy> {
  const upstream = new URL(target);
  let down = false;
  const server: Server = createServer((req, res) => {
    // Control endpoint for tests running in another process.
    if (req.url === '/__proxy/down' || req.url === '/__proxy/up') {
      down = req.url.endsWith('down');
      res.writeHead(200, { 'access-control-allow-origin': '*' }).end(down ? 'down' : 'up');
      return;
    }
    if (down) {
      req.socket.destroy();
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST, OPTIONS' }).end();
      return;
    }
    const forward = request(
      { hostname: upstream.hostname, port: upstream.port, path: upstream.pathname, method: req.method, headers: { 'content-type': 'application/json' } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        up.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    setDown: (d) => {
      down = d;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
