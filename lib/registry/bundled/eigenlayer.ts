// Bundled EigenLayer entries only (AVSs, operators, core contracts): ~76 KB of JSON. Import this
// module alone where size matters (a content script on app.eigenlayer.xyz).
import avs from '../data/eigenlayer-avs.json' with { type: 'json' };
import operators from '../data/eigenlayer-operators.json' with { type: 'json' };
import { parseEigenLayerAvsFile, parseEigenLayerOperatorsFile } from '../parse-registry-files.js';
import type { ParsedRegistry } from '../types.js';

export const loadEigenLayerRegistry = (): ParsedRegistry => {
  const a = parseEigenLayerAvsFile(avs as unknown);
  const o = parseEigenLayerOperatorsFile(operators as unknown);
  return { entries: [...a.entries, ...o.entries], rejected: [...a.rejected, ...o.rejected] };
};
