// Plain-text rewards view for the terminal: base staking yield beside restaking rewards, per
// address. Amounts and values are formatted here, at the edge.
import { chainName } from '../chains/registry.js';
import { formatAmount, shortAddress } from '../portfolio/format.js';
import type { Snapshot } from '../portfolio/types.js';
import { baseYieldText, claimableNote, formatPpm, isReadError, karakChangeText } from '../rewards/describe.js';
import { summarizeRewards, type Valued, type ValueOf } from '../rewards/summary.js';
import type { RewardsSnapshot } from '../rewards/types.js';
import { table } from './render-positions.js';

const money = (v: Valued): string => [v.eth === null ? null : `${formatAmount(v.eth, 18, 4)} ETH`, v.usd === null ? null : `$${formatAmount(v.usd, 18, 2)}`].filter(Boolean).join(' / ') || 'value unknown';

export function renderRewards(positions: Snapshot, rewards: RewardsSnapshot, valueOf: ValueOf): string {
  const out: string[] = [];
  const when = new Date(rewards.blockTimestamp * 1000).toISOString();
  out.push(`${chainName(rewards.chainId)} (chain ${rewards.chainId}) · rewards as of block ${rewards.blockNumber} (${when})`);
  if (isReadError(rewards.prices)) out.push(`! prices unknown: ${rewards.prices.error}`);
  else if (rewards.prices.length === 0) out.push('prices: no price feeds configured for this chain (values unknown)');
  else out.push(`prices: ${rewards.prices.map((p) => `${p.pair} ${formatAmount(p.answer, p.decimals, 4)}${p.stale ? ' (STALE)' : ''}`).join(' · ')}`);
  const summaries = summarizeRewards(positions, rewards, valueOf);
  for (const r of rewards.addresses) {
    const s = summaries.find((x) => x.address === r.address)!;
    out.push('', r.address);
    out.push('  base staking yield (LST exchange rates):');
    if (s.base.length === 0) out.push('    no liquid staking tokens held');
    else {
      out.push(table(['asset', 'held', 'rate', 'annualized', 'per year'], s.base.map((b) => {
        const err = rewards.baseYield.find((y) => isReadError(y) && y.token.address === b.asset.address);
        const last = b.yield?.samples[b.yield.samples.length - 1];
        return [
          b.asset.symbol,
          formatAmount(b.amount, b.asset.decimals, 6),
          last ? `${formatAmount(last.rate, 18, 6)} (${b.yield!.method})` : '-',
          b.yield ? baseYieldText(b.yield) : err && isReadError(err) ? `unknown: ${err.error}` : 'no rate source for this token',
          b.perYear === null ? '-' : `${formatAmount(b.perYear, b.asset.decimals, 6)} ${b.asset.symbol} (${money(b.perYearValue)})`,
        ];
      }), '    '));
    }
    if (r.nativeEth) out.push(`    native ETH: ${formatAmount(r.nativeEth.restakedWei, 18)} ETH restaked via EigenPod; validator rewards not measured (no source configured)`);

    out.push('  restaking rewards:');
    const el = r.eigenlayer;
    if (el === null) out.push('    EigenLayer: no RewardsCoordinator on this chain');
    else if (isReadError(el)) out.push(`    ! EigenLayer rewards unknown: ${el.error}`);
    else {
      const note = claimableNote(el.claimable);
      out.push(`    EigenLayer (claimer: ${el.claimer ?? 'the address itself'}; active root ${el.activeRoot ? `#${el.activeRoot.index}` : 'none'}${el.latestRoot && el.latestRoot.index !== el.activeRoot?.index ? `, root #${el.latestRoot.index} activates at ${new Date(el.latestRoot.activatedAt * 1000).toISOString()}` : ''})`);
      if (note) out.push(`      ${note}`);
      if (el.claimable.status === 'verified') {
        out.push(`      claimable, proof verified against on-chain root #${el.claimable.rootIndex} (${el.claimable.root.slice(0, 10)}…):`);
        out.push(table(['token', 'earned (cumulative)', 'claimed', 'claimable', 'value'], el.claimable.tokens.map((t) => [
          t.token.symbol, formatAmount(t.cumulativeEarnings, t.token.decimals), formatAmount(t.cumulativeClaimed, t.token.decimals), formatAmount(t.claimable, t.token.decimals), money(valueOf(t.claimable, t.token)),
        ]), '        '));
      }
      if (el.claimed.length) out.push(`      claimed in total: ${el.claimed.map((c) => `${formatAmount(c.cumulativeClaimed, c.token.decimals)} ${c.token.symbol}`).join(', ')}`);
      for (const h of el.history) out.push(`      claim at block ${h.blockNumber} (tx ${h.txHash.slice(0, 10)}…): ${formatAmount(h.amount, h.token.decimals)} ${h.token.symbol}, claimer ${shortAddress(h.claimer)} → recipient ${shortAddress(h.recipient)}`);
      const sp = el.operatorSplits;
      if (sp) {
        const parts = [`programmatic incentives ${formatPpm(BigInt(sp.piSplitBips) * 100n)}`, ...sp.avsSplits.map((a) => `AVS ${shortAddress(a.avs)} ${formatPpm(BigInt(a.bips) * 100n)}`), ...sp.setSplits.map((x) => `set ${shortAddress(x.avs)}/${x.id} ${formatPpm(BigInt(x.bips) * 100n)}`)];
        out.push(`      operator ${shortAddress(sp.operator)} keeps: ${parts.join(', ')}`);
      }
    }
    const sym = r.symbiotic;
    if (sym === null) out.push('    Symbiotic: no staker-rewards factory on this chain');
    else if (isReadError(sym)) out.push(`    ! Symbiotic rewards unknown: ${sym.error}`);
    else if (sym.length === 0) out.push('    Symbiotic: no staker-rewards contract for the vaults held');
    else {
      for (const v of sym) {
        out.push(`    Symbiotic vault ${shortAddress(v.vault)} (DefaultStakerRewards v${v.version} ${shortAddress(v.rewardsContract)}, curator fee ${formatPpm(BigInt(v.adminFeeBips) * 100n)})`);
        if (v.claimable.length === 0) out.push('      no distributions yet');
        for (const c of v.claimable) out.push(`      network ${shortAddress(c.network)}: ${formatAmount(c.amount, c.token.decimals)} ${c.token.symbol} claimable (${money(valueOf(c.amount, c.token))}) from ${c.distributions} distribution(s)`);
        for (const h of v.history) out.push(`      claim at block ${h.blockNumber} (tx ${h.txHash.slice(0, 10)}…): ${formatAmount(h.amount, h.token.decimals)} ${h.token.symbol} from network ${h.network ? shortAddress(h.network) : '?'}, claimer ${shortAddress(h.claimer)} → recipient ${shortAddress(h.recipient)}`);
      }
    }
    if (r.karak !== null) {
      out.push('    Karak: no rewards contract exists; rewards are paid off chain. Vault value over time:');
      if (isReadError(r.karak)) out.push(`      ! unknown: ${r.karak.error}`);
      else for (const h of r.karak) out.push(`      vault ${shortAddress(h.vault)}: ${karakChangeText(h)}`);
    }
    out.push(`  total claimable: ${formatAmount(s.totals.claimableEth, 18, 4)} ETH / $${formatAmount(s.totals.claimableUsd, 18, 2)}${s.totals.complete ? '' : ' (incomplete: some figures are unknown)'}; base yield ≈ ${formatAmount(s.totals.baseYearEth, 18, 4)} ETH per year`);
  }
  return out.join('\n');
}
