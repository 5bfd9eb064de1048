import { describe, expect, it } from 'vitest';
import { grantedHostPatterns, planHostPermissions } from './plan-host-permissions.js';

const granted = ['http://127.0.0.1/*', 'http://localhost/*', 'https://eth.llamarpc.com/*'];

describe('planHostPermissions', () => {
  it('needs nothing for loopback (any port) and default hosts', () => {
    expect(planHostPermissions(['http://127.0.0.1:8545', 'http://localhost:9000/rpc', 'https://eth.llamarpc.com'], granted)).toEqual([]);
  });
  it('requests each new https host once', () => {
    expect(planHostPermissions(['https://rpc.example/a', 'https://rpc.example/b', 'https://other.example'], granted)).toEqual(['https://rpc.example/*', 'https://other.example/*']);
  });
  it('refuses plain http to a remote host with the reason', () => {
    expect(() => planHostPermissions(['http://rpc.example:8545'], granted)).toThrow('Plain http:// is only allowed for localhost and 127.0.0.1 (rpc.example:8545): use https://');
  });
  it('reads granted hosts from MV3 and MV2 manifests', () => {
    expect(grantedHostPatterns({ host_permissions: ['http://localhost/*'], permissions: ['storage'] })).toEqual(['http://localhost/*']);
    expect(grantedHostPatterns({ permissions: ['storage', 'alarms', 'http://localhost/*'] })).toEqual(['http://localhost/*']);
  });
});
