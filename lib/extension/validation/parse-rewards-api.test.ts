import { describe, expect, it } from 'vitest';
import { parseRewardsApi } from './parse-rewards-api.js';

describe('parseRewardsApi', () => {
  it('accepts the hosted https base URL and trims a trailing slash', () => {
    expect(parseRewardsApi({ enabled: true, baseUrl: ' https://sidecar-rpc.eigenlayer.xyz/mainnet/ ' })).toEqual({ enabled: true, baseUrl: 'https://sidecar-rpc.eigenlayer.xyz/mainnet' });
  });
  it('allows plain http only on loopback', () => {
    expect(parseRewardsApi({ enabled: true, baseUrl: 'http://127.0.0.1:9000' }).baseUrl).toBe('http://127.0.0.1:9000');
    expect(() => parseRewardsApi({ enabled: true, baseUrl: 'http://rewards.example' })).toThrow(/https/);
  });
  it('refuses credentials, other schemes and a missing URL when enabled', () => {
    expect(() => parseRewardsApi({ enabled: true, baseUrl: 'https://u:p@x.example' })).toThrow(/user name/);
    expect(() => parseRewardsApi({ enabled: true, baseUrl: 'javascript:alert(1)' })).toThrow(/scheme/);
    expect(() => parseRewardsApi({ enabled: true, baseUrl: '' })).toThrow(/Enter/);
    expect(() => parseRewardsApi({ enabled: 'yes', baseUrl: '' })).toThrow(/enabled/);
  });
  it('keeps an off setting with or without a URL', () => {
    expect(parseRewardsApi({ enabled: false, baseUrl: '' })).toEqual({ enabled: false, baseUrl: '' });
    expect(parseRewardsApi({ enabled: false, baseUrl: 'https://x.example' })).toEqual({ enabled: false, baseUrl: 'https://x.example' });
  });
});
