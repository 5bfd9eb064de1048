// Wiring only: the logic lives in lib/extension/background (testable with the fake browser).
import { setupBackground } from '../lib/extension/background/setup-background.js';
import { readSnapshot } from '../lib/portfolio/read-snapshot.js';

export default defineBackground(() => {
  setupBackground({ readSnapshot });
});
