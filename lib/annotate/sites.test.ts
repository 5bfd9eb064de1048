import { describe, expect, it } from 'vitest';
import sites from '../registry/data/sites.json' with { type: 'json' };
import { ANNOTATED_SITES, annotatedMatchPatterns, annotatedSite, NOT_ANNOTATED_HOSTS, siteEnabled } from './sites.js';

describe('annotated sites', () => {
  it('are exactly the page hosts of the registry sites.json (APIs excluded)', () => {
    const hosts = sites.sites.map((s) => s.host).filter((h) => !NOT_ANNOTATED_HOSTS.includes(h));
    expect(ANNOTATED_SITES.map((s) => s.host).sort()).toEqual(hosts.sort());
  });
  it('a site protocol agrees with the registry protocol name where it names one', () => {
    for (const s of ANNOTATED_SITES) {
      const reg = sites.sites.find((x) => x.host === s.host)!.protocol;
      if (s.protocol && ['EigenLayer', 'Symbiotic', 'Karak'].includes(reg ?? '')) expect(reg!.toLowerCase()).toBe(s.protocol);
    }
  });
  it('match patterns are https host patterns only', () => {
    for (const p of annotatedMatchPatterns()) expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });
  it('lookup is exact (no suffix tricks) and a site is on unless switched off', () => {
    expect(annotatedSite('app.eigenlayer.xyz')?.protocol).toBe('eigenlayer');
    expect(annotatedSite('evil.app.eigenlayer.xyz')).toBeNull();
    expect(siteEnabled({}, 'etherscan.io')).toBe(true);
    expect(siteEnabled({ 'etherscan.io': false }, 'etherscan.io')).toBe(false);
    expect(siteEnabled({ 'etherscan.io': true }, 'etherscan.io')).toBe(true);
  });
  it('an alias host seen in the registry examples is the same site (one switch), and only that alias', () => {
    const kelp = annotatedSite('kelpdao.xyz');
    expect(annotatedSite('www.kelpdao.xyz')).toBe(kelp);
    expect(annotatedMatchPatterns()).toContain('https://www.kelpdao.xyz/*');
    expect(annotatedSite('evil.www.kelpdao.xyz')).toBeNull();
    const exampleHosts = sites.sites.flatMap((x) => x.patterns.flatMap((p) => ((p as { examples?: string[] }).examples ?? []).map((e) => { try { return new URL(e).host; } catch { return null; } })));
    expect(exampleHosts).toContain('www.kelpdao.xyz');
  });
});
