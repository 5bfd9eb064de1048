import { describe, expect, it } from 'vitest';
import { MAINNET_DEPLOYMENTS } from '../chains/deployments.js';
import { InvalidDeploymentsError } from '../errors/errors.js';
import { buildKnownTargets } from './known-targets.js';
import { MAINNET_LRT_TARGETS, lrtTargetsFromRegistry } from './lrt-targets.js';

// The records of ../shared/reference/registry/lrt-tokens.json that hold the §6.4 contracts (trimmed to the fields read).
const registryExcerpt = {
  tokens: [
    { symbol: 'eETH', address: '0x35fA164735182de50811E8e2E824cFb9B6118ac2', protocol_contracts: { LiquidityPool: '0x308861A430be4cce5502d0A12724771Fc6DaF216', Liquifier: '0x9FFDF407cDe9a93c47611799DA23924Af3EF764F' } },
    { symbol: 'ezETH', address: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110', protocol_contracts: { RestakeManager: '0x74a09653A083691711cF8215a6ab074BB4e99ef5' } },
    { symbol: 'rsETH', address: '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7', protocol_contracts: { LRTDepositPool: '0x036676389e48133B63a802f8635AD39E752D375D' } },
    { symbol: 'pufETH', address: '0xD9A442856C234a39a81a089C06451EBAa4306a72', protocol_contracts: { PufferDepositor: '0x4aA799C5dfc01ee7d790e3bf1a7C2257CE1DcefF' } },
    { symbol: 'rswETH', address: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0', protocol_contracts: {} },
  ],
};

describe('LRT targets', () => {
  it('the bundled mainnet list equals what the registry records give', () => {
    const sort = (l: readonly { address: string }[]) => [...l].sort((a, b) => a.address.localeCompare(b.address));
    expect(sort(lrtTargetsFromRegistry(registryExcerpt))).toEqual(sort(MAINNET_LRT_TARGETS));
  });

  it('skips malformed registry records instead of failing', () => {
    const broken = { tokens: [{ symbol: 'ezETH', address: 'not-an-address', protocol_contracts: { RestakeManager: '0x74a09653A083691711cF8215a6ab074BB4e99ef5' } }, null] };
    expect(lrtTargetsFromRegistry(broken)).toEqual([]);
    expect(lrtTargetsFromRegistry(undefined)).toEqual([]);
  });

  it('are added on chain 1 only by default', () => {
    expect(buildKnownTargets({ deployments: MAINNET_DEPLOYMENTS }).byAddress.size).toBe(4 + MAINNET_LRT_TARGETS.length);
    expect(buildKnownTargets({ deployments: { ...MAINNET_DEPLOYMENTS, chainId: 31337 } }).byAddress.size).toBe(4);
  });

  it('an address listed under two roles is refused', () => {
    const deployments = { ...MAINNET_DEPLOYMENTS, karak: { vaultSupervisor: MAINNET_DEPLOYMENTS.eigenlayer!.delegationManager } };
    expect(() => buildKnownTargets({ deployments })).toThrow(InvalidDeploymentsError);
  });
});
