import { describe, expect, it } from 'vitest';
import { keccak256, encodeAbiParameters, type Address, type Hex } from 'viem';
import { assemble, burnerKind, epochStart, proRata, splitSubnetwork, withdrawalId, type VaultFacts, type VaultReading } from './assemble.js';

const VAULT = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as Address;
const TOKEN = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as Address;
const OP = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const NET = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720' as Address;
const MW = '0x71bE63f3384f5fb98995898A86B02Fb2426c5788' as Address;
const STAKER = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' as Address;
const SN = `${NET.toLowerCase()}000000000000000000000007` as Hex;
const E = 10n ** 18n;

const facts = (over: Partial<VaultFacts> = {}): VaultFacts => ({
  vault: VAULT, version: 1, collateral: TOKEN, asset: { address: TOKEN, symbol: 'stETH', decimals: 18 },
  delegator: TOKEN, delegatorType: 0, slasher: TOKEN, slasherType: 'instant', burner: '0x000000000000000000000000000000000000dEaD',
  burnerIsRouter: false, epochDuration: 3600, epochDurationInit: 1_000_000, ...over,
});

const reading = (over: Partial<VaultReading> = {}): VaultReading => ({
  facts: facts(),
  currentEpoch: 5,
  activeStake: 150n * E,
  activeBalance: 90n * E,
  activeShares: 100n * E,
  slashableBalance: 110n * E,
  buckets: [],
  pairs: [{ subnetwork: SN, network: NET, identifier: 7n, operator: OP, stake: 30n * E, middleware: MW }],
  ...over,
});

describe('symbiotic assemble', () => {
  it('a position per vault with stake, with the vault details', () => {
    const r = assemble(STAKER, [reading()]);
    expect(r.positions).toEqual([{
      protocol: 'symbiotic', operator: null, asset: facts().asset, amount: 90n * E,
      symbiotic: { vault: VAULT, vaultVersion: 1, activeShares: 100n * E, slashableBalance: 110n * E, epochDuration: 3600, currentEpoch: 5, currentEpochStart: 1_000_000 + 5 * 3600 },
    }]);
  });

  it('single-operator delegators (types 2 and 3) name their operator; multi-operator ones do not', () => {
    for (const [type, expected] of [[0, null], [1, null], [2, OP], [3, OP]] as const) {
      const r = assemble(STAKER, [reading({ facts: facts({ delegatorType: type, operator: OP }) })]);
      expect(r.positions[0]!.operator).toBe(expected);
    }
  });

  it('no position when the address has neither shares nor slashable balance', () => {
    expect(assemble(STAKER, [reading({ activeShares: 0n, activeBalance: 0n, slashableBalance: 0n })]).positions).toEqual([]);
  });

  it('withdrawal buckets: claimable once currentEpoch > epoch, at the start of epoch + 1; current and next are slashable', () => {
    const r = assemble(STAKER, [reading({
      buckets: [
        { epoch: 3, amount: 5n * E, claimed: false },
        { epoch: 4, amount: 0n, claimed: false },
        { epoch: 2, amount: 7n * E, claimed: true },
        { epoch: 5, amount: 1n, claimed: false },
        { epoch: 6, amount: 20n * E, claimed: false },
      ],
    })]);
    expect(r.withdrawals.map((w) => [w.symbiotic!.epoch, w.amount, w.completable, w.slashable, w.completableAt])).toEqual([
      [3, 5n * E, true, false, 1_000_000 + 4 * 3600],
      [5, 1n, false, true, 1_000_000 + 6 * 3600],
      [6, 20n * E, false, true, 1_000_000 + 7 * 3600],
    ]);
    expect(r.withdrawals[0]!.id).toBe(withdrawalId(VAULT, 3, STAKER));
    expect(r.withdrawals[0]!.symbiotic).toEqual({ vault: VAULT, epoch: 3, claimed: false });
  });

  it('withdrawals of a vault without slasher are never slashable', () => {
    const r = assemble(STAKER, [reading({ facts: facts({ slasherType: 'none', slasher: null }), buckets: [{ epoch: 6, amount: E, claimed: false }] })]);
    expect(r.withdrawals[0]!.slashable).toBe(false);
  });

  it('exposure is the pro-rata share of the (subnetwork, operator) stake, floored', () => {
    const r = assemble(STAKER, [reading({ activeBalance: 7n, activeStake: 9n, pairs: [{ ...reading().pairs[0]!, stake: 5n }] })]);
    expect(r.exposures).toHaveLength(1);
    const x = r.exposures[0]!;
    expect(x.slashableAmount).toBe(3n); // 7 × 5 / 9 = 3.88…
    expect([x.operator, x.service, x.serviceSetId, x.slasher, x.redistributes, x.pending]).toEqual([OP, NET, 7, MW, false, null]);
    expect(x.symbiotic).toEqual({ vault: VAULT, subnetwork: SN, delegatorType: 0, operatorStake: 5n, slasherType: 'instant', burner: '0x000000000000000000000000000000000000dEaD', burnerKind: 'burn' });
  });

  it('veto slashers carry the veto duration and the resolver; routers redistribute', () => {
    const r = assemble(STAKER, [reading({
      facts: facts({ slasherType: 'veto', vetoDuration: 1800, burner: TOKEN, burnerIsRouter: true }),
      pairs: [{ ...reading().pairs[0]!, resolver: null }],
    })]);
    expect(r.exposures[0]!.symbiotic).toMatchObject({ slasherType: 'veto', vetoDuration: 1800, resolver: null, burnerKind: 'redistribute' });
    expect(r.exposures[0]!.redistributes).toBe(true);
  });

  it('a vault without slasher backs networks but nobody can slash it', () => {
    const r = assemble(STAKER, [reading({ facts: facts({ slasherType: 'none', slasher: null }) })]);
    expect(r.exposures[0]!.slashableAmount).toBe(0n);
    expect(r.exposures[0]!.slasher).toBeNull();
  });

  it('no exposure for zero stake, zero balance or zero active stake', () => {
    expect(assemble(STAKER, [reading({ pairs: [{ ...reading().pairs[0]!, stake: 0n }] })]).exposures).toEqual([]);
    expect(assemble(STAKER, [reading({ activeBalance: 0n })]).exposures).toEqual([]);
    expect(assemble(STAKER, [reading({ activeStake: 0n })]).exposures).toEqual([]);
  });
});

describe('symbiotic helpers', () => {
  it('burnerKind: routers redistribute, burn addresses and known asset burners burn, anything else is unknown', () => {
    expect(burnerKind('0x000000000000000000000000000000000000dEaD', false)).toBe('burn');
    expect(burnerKind('0xdCaC890b14121FD5D925E2589017Be68C2B5B324', false)).toBe('burn');
    expect(burnerKind(OP, false)).toBe('unknown');
    expect(burnerKind(OP, true)).toBe('redistribute');
  });

  it('splitSubnetwork: network in the top 20 bytes, identifier in the low 12', () => {
    expect(splitSubnetwork(SN)).toEqual({ network: NET, identifier: 7n });
  });

  it('withdrawalId is keccak256(abi.encode(vault, epoch, claimer))', () => {
    expect(withdrawalId(VAULT, 3, STAKER)).toBe(keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'address' }], [VAULT, 3n, STAKER])));
    expect(withdrawalId(VAULT, 3, STAKER)).not.toBe(withdrawalId(VAULT, 4, STAKER));
  });

  it('epochStart and proRata', () => {
    expect(epochStart({ epochDurationInit: 100, epochDuration: 10 }, 3)).toBe(130);
    expect(proRata(10n, 3n, 0n)).toBe(0n);
    expect(proRata(10n, 3n, 4n)).toBe(7n);
  });
});
