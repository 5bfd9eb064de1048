import type { ProtocolAdapter } from '../adapter.js';
import { readEigenLayer } from './read-eigenlayer.js';

export const eigenLayerAdapter: ProtocolAdapter = {
  id: 'eigenlayer',
  supports: (deployments) => deployments.eigenlayer !== undefined,
  read: readEigenLayer,
};
