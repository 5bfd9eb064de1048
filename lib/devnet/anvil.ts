// Spawns the anvil binary shipped in the @foundry-rs/anvil npm package (nothing is downloaded) and
// hands back its RPC URL. Port 0 lets the OS choose, so parallel devnets never collide.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AnvilStartError } from './errors.js';

export interface AnvilHandle {
  rpcUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartAnvilOptions {
  port?: number;
  /** Extra CLI flags (e.g. ['--block-time', '1']). */
  args?: string[];
  timeoutMs?: number;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  'linux-x64': '@foundry-rs/anvil-linux-amd64',
  'linux-arm64': '@foundry-rs/anvil-linux-arm64',
  'darwin-x64': '@foundry-rs/anvil-darwin-amd64',
  'darwin-arm64': '@foundry-rs/anvil-darwin-arm64',
  'win32-x64': '@foundry-rs/anvil-win32-amd64',
};

/** Path of the anvil executable: $ANVIL_BIN, else the platform package of @foundry-rs/anvil, else PATH. */
export function anvilBinary(): string {
  if (process.env.ANVIL_BIN) return process.env.ANVIL_BIN;
  const pkg = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`];
  if (pkg) {
    try {
      const require = createRequire(import.meta.url);
      const dir = dirname(require.resolve(`${pkg}/package.json`));
      return join(dir, 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
    } catch {
      // fall through to PATH
    }
  }
  return 'anvil';
}

// Every anvil we started, killed synchronously when Node exits so no orphan keeps a port.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export async function startAnvil(opts: StartAnvilOptions = {}): Promise<AnvilHandle> {
  const port = opts.port ?? 0;
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', '31337', ...(opts.args ?? [])];
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  installExitHook();
  live.add(child);
  child.once('exit', () => live.delete(child));

  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      child.once('exit', () => resolveStop());
      child.kill('SIGTERM');
      // anvil exits on SIGTERM within milliseconds; escalate if it does not.
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });

  return new Promise<AnvilHandle>((resolveStart, rejectStart) => {
    let output = '';
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop();
      rejectStart(new AnvilStartError(message, { args, output: output.slice(-2000) }));
    };
    const timer = setTimeout(() => fail(`anvil did not report a listening port within ${opts.timeoutMs ?? 15000} ms`), opts.timeoutMs ?? 15000);
    const onData = (chunk: Buffer) => {
      // Keep draining stdout for the process lifetime (a full pipe would block anvil), but only
      // buffer text until the port is known.
      if (settled) return;
      output += chunk.toString();
      const m = /Listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        settled = true;
        clearTimeout(timer);
        const actual = Number(m[1]);
        resolveStart({ rpcUrl: `http://127.0.0.1:${actual}`, port: actual, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (e) => fail(`could not run anvil (${e.message}); is @foundry-rs/anvil installed? Set ANVIL_BIN to override`));
    child.once('exit', (code) => fail(`anvil exited with code ${code} before listening (port ${port} in use?)`));
  });
}
