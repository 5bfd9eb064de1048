// Bundled Karak entries (core contracts on several chains, V1 vault tokens, DSSs): ~7 KB.
import karak from '../data/karak.json' with { type: 'json' };
import { parseKarakFile } from '../parse-registry-files.js';
import type { ParsedRegistry } from '../types.js';

export const loadKarakRegistry = (): ParsedRegistry => parseKarakFile(karak as unknown);
