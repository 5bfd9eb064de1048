// Bundled Symbiotic entries (vaults ~240 KB, operators ~100 KB, networks, tokens): the heaviest part.
// Each loader imports one file, so a bundle that needs only networks does not carry the vaults.
import networks from '../data/symbiotic-networks.json' with { type: 'json' };
import operators from '../data/symbiotic-operators.json' with { type: 'json' };
import tokens from '../data/symbiotic-tokens.json' with { type: 'json' };
import vaults from '../data/symbiotic-vaults.json' with { type: 'json' };
import { parseSymbioticNetworksFile, parseSymbioticOperatorsFile, parseSymbioticTokensFile, parseSymbioticVaultsFile } from '../parse-registry-files.js';
import type { ParsedRegistry } from '../types.js';

export const loadSymbioticVaults = (): ParsedRegistry => parseSymbioticVaultsFile(vaults as unknown);
export const loadSymbioticNetworks = (): ParsedRegistry => parseSymbioticNetworksFile(networks as unknown);
export const loadSymbioticOperators = (): ParsedRegistry => parseSymbioticOperatorsFile(operators as unknown);
export const loadSymbioticTokens = (): ParsedRegistry => parseSymbioticTokensFile(tokens as unknown);
