// One call for tests, demo and bench: anvil + contracts + seeded scenario + manifest file.
import { rmSync } from 'node:fs';
import { startAnvil } from './anvil.js';
import { deployAndSeed } from './deploy-and-seed.js';
import type { DevnetManifest } from './manifest.js';

export interface StartDevnetOptions {
  /** 0 or omitted: a free port chosen by the OS. */
  port?: number;
  /** Where to write the manifest; default .cache/devnet/manifest-<port>.json. */
  manifestPath?: string;
}

export interface Devnet {
  manifest: DevnetManifest;
  manifestPath: string;
  rpcUrl: string;
  stop(): Promise<void>;
}

export async function startDevnet(opts: StartDevnetOptions = {}): Promise<Devnet> {
  const anvil = await startAnvil({ port: opts.port ?? 0 });
  try {
    const { manifest, manifestPath } = await deployAndSeed(anvil.rpcUrl, { manifestPath: opts.manifestPath });
    const stop = async () => {
      await anvil.stop();
      // Default manifests are per-port scratch files; explicit paths belong to the caller.
      if (!opts.manifestPath) rmSync(manifestPath, { force: true });
    };
    return { manifest, manifestPath, rpcUrl: anvil.rpcUrl, stop };
  } catch (e) {
    await anvil.stop();
    throw e;
  }
}
