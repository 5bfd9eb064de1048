import { describe, expect, it } from 'vitest';
import { ALICE, sampleSnapshot } from '../extension/testing/sample-snapshot.js';
import { sampleRewards } from './testing/sample-rewards.js';
import { csvCell, exportCsv } from './to-csv.js';

const fresh = { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 1 };

describe('exportCsv', () => {
  const snap = sampleSnapshot({ chainId: 31337, blockNumber: 1234n });
  const csv = exportCsv({ chains: { '31337': { snapshot: snap, status: fresh } } }, { chains: { '31337': { rewards: sampleRewards(), status: fresh } } }, [{ address: ALICE, label: '=HYPERLINK("x")' }]);
  const lines = csv.trim().split('\r\n');

  it('has one row per position and per reward figure, with exact base units', () => {
    expect(lines[0]).toBe('chain_id,block,address,label,protocol,kind,asset,asset_address,amount_base_units,amount,value_eth,value_usd,detail');
    expect(lines.filter((l) => l.includes(',position,')).length).toBe(snap.addresses.flatMap((a) => a.positions).length);
    expect(lines.some((l) => l.includes(',eigenlayer,claimable,EIGEN,') && l.includes(',12000000000000000000,12,'))).toBe(true);
    expect(lines.some((l) => l.includes(',eigenlayer,claimed,EIGEN,'))).toBe(true);
    expect(lines.some((l) => l.includes(',karak,vault-value,rETH,'))).toBe(true);
  });

  it('defuses formula injection in labels', () => {
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('plain')).toBe('plain');
  });

  it('prices nothing when rewards are from another block than the positions', () => {
    const other = exportCsv({ chains: { '31337': { snapshot: sampleSnapshot({ chainId: 31337, blockNumber: 99n }), status: fresh } } }, { chains: { '31337': { rewards: sampleRewards(), status: fresh } } }, []);
    const positionRows = other.split('\r\n').filter((l) => l.includes(',position,'));
    expect(positionRows.every((l) => l.split(',')[10] === '')).toBe(true);
  });
});
