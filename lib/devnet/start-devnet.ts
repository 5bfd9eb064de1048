// One call for tests, demo and bench: anvil + contracts + seeded scenario + manifest file.
import { rmSync } from 'node:fs';
import { startAnvil } from './anvil.js';
import { deployAndSeed } from './deploy-and-seed.js';
import type { DevnetManifest } from './manifest.js';
import { startSidecarServer, type SidecarServer } from './rewards/sidecar-server.js';

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
  /** Local Sidecar-shaped rewards API serving the seeded EigenLayer roots; null when none were seeded. */
  sidecarUrl: string | null;
  sidecar: SidecarServer | null;
  stop(): Promise<void>;
}

export async function startDevnet(opts: StartDevnetOptions = {}): Promise<Devnet> {
  const anvil = await startAnvil({ port: opts.port ?? 0 });
  let sidecar: SidecarServer | null = null;
  try {
    const { manifest, manifestPath } = await deployAndSeed(anvil.rpcUrl, { manifestPath: opts.manifestPath });
    const rewards = manifest.scenario.rewards?.eigenlayer;
    const rc = manifest.contracts.eigenlayer.rewardsCoordinator;
    sidecar = rewards && rc ? await startSidecarServer({ rpcUrl: anvil.rpcUrl, rewardsCoordinator: rc, scenario: rewards }) : null;
    const stop = async () => {
      await sidecar?.stop();
      await anvil.stop();
      // Default manifests are per-port scratch files; explicit paths belong to the caller.
      if (!opts.manifestPath) rmSync(manifestPath, { force: true });
    };
    return { manifest, manifestPath, rpcUrl: anvil.rpcUrl, sidecarUrl: sidecar?.url ?? null, sidecar, stop };
  } catch (e) {
    await sidecar?.stop();
    await anvil.stop();
    throw e;
  }
}
