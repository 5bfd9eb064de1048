import type { ProtocolAdapter } from '../adapter.js';
import { readSymbiotic } from './read-symbiotic.js';

export const symbioticAdapter: ProtocolAdapter = {
  id: 'symbiotic',
  supports: (deployments) => deployments.symbiotic !== undefined,
  read: readSymbiotic,
};
