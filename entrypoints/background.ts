// Wiring only: the logic lives in lib/extension/background (testable with the fake browser).
import { setupBackground } from '../lib/extension/background/setup-background.js';
import { readSnapshot } from '../lib/portfolio/read-snapshot.js';
import { BUILD_DEFAULTS } from '../lib/extension/build-defaults.js';
import { readRewards } from '../lib/rewards/read-rewards.js';
import { REWARDS_READERS } from '../lib/rewards/readers.js';

export default defineBackground(() => {
  setupBackground({
    readSnapshot,
    // One history point per hour of chain time; fast-alarm (e2e/demo) builds keep every refresh.
    rewards: { readRewards, readers: REWARDS_READERS, historySpacingSeconds: BUILD_DEFAULTS.fastAlarms ? 0 : 3600 },
    // Risk facts are re-read every 30 min (fast-alarm builds: every refresh); verdicts follow thresholds at once.
    risk: { factsTtlMs: BUILD_DEFAULTS.fastAlarms ? 0 : 30 * 60_000 },
  });
});
