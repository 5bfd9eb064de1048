// The protocols the snapshot reads. Adding a protocol: one folder + one line here.
import type { ProtocolAdapter } from './adapter.js';
import { eigenLayerAdapter } from './eigenlayer/adapter.js';
import { symbioticAdapter } from './symbiotic/adapter.js';
import { karakAdapters } from './karak/adapter.js';

export const ADAPTERS: readonly ProtocolAdapter[] = [eigenLayerAdapter, symbioticAdapter, ...karakAdapters];
