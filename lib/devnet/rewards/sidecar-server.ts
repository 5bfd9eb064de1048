// A local stand-in for the EigenLayer Sidecar's public HTTP API, answering from the same trees the
// devnet's roots were built from (bytes base64, amounts decimal strings, as grpc-gateway writes them).
// Root metadata, the active root and cumulativeClaimed are read from the devnet, like the real Sidecar
// indexes the chain. `POST /__sidecar/tamper {"on":true}` makes claim proofs lie (inflated earnings,
// unchanged proof) so tests can check that the extension refuses them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createPublicClient, getAddress, http, isAddress, parseEther, type Address, type Hex } from 'viem';
import { rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import { buildRewardsTree, claimFromTree, type RewardsTree } from '../../rewards/eigenlayer/build-rewards-tree.js';
import type { EarningsLine } from '../../rewards/eigenlayer/claim-types.js';
import { toEarningsLines, type EigenLayerRewardsScenario } from './seed-eigenlayer-rewards.js';

export interface SidecarServerOptions {
  rpcUrl: string;
  rewardsCoordinator: Address;
  /** Tree inputs per root index (the seeded scenario's roots). */
  scenario: Pick<EigenLayerRewardsScenario, 'roots'>;
  port?: number;
}

export interface SidecarServer {
  url: string;
  stop(): Promise<void>;
  setTamper(on: boolean): void;
  /** Serve proofs for a root the test submitted (same inputs as its tree). */
  addRoot(rootIndex: number, earnings: readonly EarningsLine[]): void;
}

/** What a tampering server adds to the first token's cumulative earnings. */
export const TAMPER_INFLATION = parseEther('1000');
const MAX_REQUEST_BYTES = 64 * 1024;

type RawRoot = { root: Hex; rewardsCalculationEndTimestamp: number; activatedAt: number; disabled: boolean };
const b64 = (h: Hex) => Buffer.from(h.slice(2), 'hex').toString('base64');
const rfc3339 = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

export async function startSidecarServer(opts: SidecarServerOptions): Promise<SidecarServer> {
  const trees = new Map<number, RewardsTree>(opts.scenario.roots.map((r) => [r.rootIndex, buildRewardsTree(toEarningsLines(r.earnings))]));
  const client = createPublicClient({ transport: http(opts.rpcUrl), cacheTime: 0 });
  const rc = opts.rewardsCoordinator;
  let tamper = false;

  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address: rc, abi: rewardsCoordinatorAbi, functionName, args } as never) as Promise<T>;
  async function chainRoots(): Promise<{ roots: (RawRoot & { index: number })[]; now: number }> {
    const [length, block] = await Promise.all([read<bigint>('getDistributionRootsLength'), client.getBlock()]);
    const roots = await Promise.all([...Array(Number(length)).keys()].map(async (i) => ({ index: i, ...(await read<RawRoot>('getDistributionRootAtIndex', [BigInt(i)])) })));
    return { roots, now: Number(block.timestamp) };
  }
  const activeIndex = ({ roots, now }: Awaited<ReturnType<typeof chainRoots>>) =>
    [...roots].reverse().find((r) => !r.disabled && r.activatedAt <= now)?.index ?? null;

  async function claimProof(body: Record<string, unknown>): Promise<[number, unknown]> {
    if (typeof body.earnerAddress !== 'string' || !isAddress(body.earnerAddress, { strict: false })) return [400, { code: 3, message: 'invalid earnerAddress' }];
    const tokens = Array.isArray(body.tokens) ? body.tokens.filter((t): t is Address => typeof t === 'string' && isAddress(t, { strict: false })) : [];
    const index = body.rootIndex === undefined ? activeIndex(await chainRoots()) : Number(body.rootIndex);
    const tree = index === null ? undefined : trees.get(index);
    if (index === null || !tree) return [404, { code: 5, message: 'distribution root not found' }];
    const claim = claimFromTree(tree, index, getAddress(body.earnerAddress), tokens);
    if (!claim) return [404, { code: 5, message: 'earner not found in distribution root' }];
    const leaves = claim.tokenLeaves.map((l, i) => ({ token: l.token, cumulativeEarnings: (l.cumulativeEarnings + (tamper && i === 0 ? TAMPER_INFLATION : 0n)).toString() }));
    return [200, { proof: {
      root: b64(tree.root), rootIndex: index, earnerIndex: claim.earnerIndex, earnerTreeProof: b64(claim.earnerTreeProof),
      earnerLeaf: { earner: claim.earnerLeaf.earner, earnerTokenRoot: b64(claim.earnerLeaf.earnerTokenRoot) },
      tokenIndices: claim.tokenIndices, tokenTreeProofs: claim.tokenTreeProofs.map(b64), tokenLeaves: leaves,
    } }];
  }

  async function summarized(earner: Address): Promise<[number, unknown]> {
    const state = await chainRoots();
    const active = activeIndex(state);
    const latest = state.roots.length - 1;
    const earnedIn = (i: number | null) => (i === null ? undefined : trees.get(i)?.earners.find((e) => e.earner === earner));
    const earned = earnedIn(latest);
    const rewards = await Promise.all((earned?.tokens ?? []).map(async (t) => {
      const activeAmount = earnedIn(active)?.tokens.find((x) => x.token === t.token)?.cumulativeEarnings ?? 0n;
      const claimed = await read<bigint>('cumulativeClaimed', [earner, t.token]);
      const inflate = tamper ? TAMPER_INFLATION : 0n;
      return { token: t.token, earned: (t.cumulativeEarnings + inflate).toString(), active: (activeAmount + inflate).toString(), claimed: claimed.toString(), claimable: (activeAmount + inflate - claimed).toString() };
    }));
    return [200, { rewards }];
  }

  async function distributionRoots(): Promise<[number, unknown]> {
    const { roots } = await chainRoots();
    const logs = await client.getContractEvents({ address: rc, abi: rewardsCoordinatorAbi, eventName: 'DistributionRootSubmitted', fromBlock: 0n });
    return [200, { distributionRoots: roots.map((r) => {
      const log = logs.find((l) => l.args.rootIndex === r.index);
      return {
        root: r.root, rootIndex: String(r.index), rewardsCalculationEnd: rfc3339(r.rewardsCalculationEndTimestamp), rewardsCalculationEndUnit: 'snapshot',
        activatedAt: rfc3339(r.activatedAt), activatedAtUnit: 'timestamp', createdAtBlockNumber: String(log?.blockNumber ?? 0n), transactionHash: log?.transactionHash ?? '',
        blockHeight: String(log?.blockNumber ?? 0n), logIndex: String(log?.logIndex ?? 0), disabled: r.disabled,
      };
    }) }];
  }

  async function route(req: IncomingMessage, body: string): Promise<[number, unknown]> {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
    const json = () => { try { return JSON.parse(body || '{}') as Record<string, unknown>; } catch { return null; } };
    if (req.method === 'GET' && path === '/v1/health') return [200, { status: 'SERVING' }];
    if (req.method === 'GET' && path === '/rewards/v1/distribution-roots') return distributionRoots();
    const m = /^\/rewards\/v1\/earners\/([^/]+)\/summarized-rewards$/.exec(path);
    if (req.method === 'GET' && m) return isAddress(m[1]!, { strict: false }) ? summarized(getAddress(m[1]!)) : [400, { code: 3, message: 'invalid earner address' }];
    if (req.method === 'POST' && path === '/rewards/v1/claim-proof') {
      const b = json();
      return b ? claimProof(b) : [400, { code: 3, message: 'invalid JSON' }];
    }
    if (req.method === 'POST' && path === '/__sidecar/tamper') {
      const b = json();
      if (!b || typeof b.on !== 'boolean') return [400, { code: 3, message: 'body must be {"on": true|false}' }];
      tamper = b.on;
      return [200, { tamper }];
    }
    return [404, { code: 5, message: `no route ${req.method} ${path}` }];
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (req.method === 'OPTIONS') {
      // CORS preflight for the JSON POST from an extension or page origin.
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type, accept', 'access-control-max-age': '600' });
      res.end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_REQUEST_BYTES) req.destroy();
    });
    req.on('end', () => {
      route(req, body).then(([status, payload]) => send(status, payload), (e: Error) => send(500, { code: 13, message: e.message.split('\n')[0] }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
    setTamper: (on) => void (tamper = on),
    addRoot: (rootIndex, earnings) => void trees.set(rootIndex, buildRewardsTree(earnings)),
  };
}
