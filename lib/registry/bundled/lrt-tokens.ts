// Bundled liquid-restaking tokens (ether.fi, Renzo, Kelp, Puffer, Swell, ...): ~27 KB.
import tokens from '../data/lrt-tokens.json' with { type: 'json' };
import { parseLrtTokensFile } from '../parse-registry-files.js';
import type { ParsedRegistry } from '../types.js';

export const loadLrtTokens = (): ParsedRegistry => parseLrtTokensFile(tokens as unknown);
