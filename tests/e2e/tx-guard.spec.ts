// The transaction guard in real Chromium with the built extension: a dApp page (served at a made-up
// https origin through context.route) with a test wallet forwarding to the devnet. Each restaking
// call shows the dialog (read through the DevTools protocol: its shadow root is closed) with the
// operator/vault, services and amounts this test derives from its own raw reads; Cancel gives the
// dApp 4001, Proceed mines the transaction. Also: legacy send/sendAsync, a late provider, two
// providers, a plain transfer passing untouched, a hostile page, and the guard switched off.
import { createPublicClient, encodeFunctionData, getAddress, http, parseAbi, parseEther, zeroHash, type Address, type Hex } from 'viem';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import { dappCall as call, freshAccount, manifestAt as m, openDapp, receiptOf } from './fixtures/dapp/dapp-page.js';
import { GuardUi } from './fixtures/dapp/dialog-cdp.js';
import { expect, test } from './support/fixtures.js';

const sm = parseAbi(['function depositIntoStrategy(address strategy, address token, uint256 amount) returns (uint256)']);
const dm = parseAbi([
  'struct SignatureWithExpiry { bytes signature; uint256 expiry; }',
  'function delegateTo(address operator, SignatureWithExpiry approverSignatureAndExpiry, bytes32 approverSalt)',
  'function delegatedTo(address) view returns (address)',
  'function getDepositedShares(address) view returns (address[], uint256[])',
  'function getWithdrawableShares(address, address[]) view returns (uint256[], uint256[])',
]);
const am = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getAllocation(address, OperatorSet, address) view returns (Allocation)',
  'function getMaxMagnitudes(address, address[]) view returns (uint64[])',
]);
const strategyAbi = parseAbi(['function sharesToUnderlyingView(uint256) view returns (uint256)']);
const symVault = parseAbi(['function deposit(address onBehalfOf, uint256 amount) returns (uint256, uint256)', 'function activeStake() view returns (uint256)']);
const delegatorAbi = parseAbi(['function stake(bytes32 subnetwork, address operator) view returns (uint256)']);
const karakVault = parseAbi(['function deposit(uint256 assets, address to) returns (uint256)']);
const coreAbi = parseAbi(['function getDssMaxSlashablePercentageWad(address) view returns (uint256)']);

/** `service:set:operator:amount` lines of the dialog. */
const shownServices = async (ui: GuardUi) => (await ui.byTestId('tx-service')).map((e) => `${e.attrs['data-service']}:${e.attrs['data-set']}:${e.attrs['data-operator']}:${e.attrs['data-amount']}`).sort();

/** What delegating `staker`'s EigenLayer stake to `op` exposes, from the test's own reads at `block`. */
async function expectedDelegation(rpcUrl: string, manifest: DevnetManifest, staker: Address, op: Address, block: bigint) {
  const c = createPublicClient({ transport: http(rpcUrl), cacheTime: 0 });
  const el = manifest.contracts.eigenlayer;
  const [strategies] = await c.readContract({ address: el.delegationManager, abi: dm, functionName: 'getDepositedShares', args: [staker], blockNumber: block });
  const [withdrawable] = await c.readContract({ address: el.delegationManager, abi: dm, functionName: 'getWithdrawableShares', args: [staker, strategies], blockNumber: block });
  const out: string[] = [];
  for (const [i, s] of strategies.entries()) {
    const amount = await c.readContract({ address: s, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [withdrawable[i]!], blockNumber: block });
    const [max] = await c.readContract({ address: el.allocationManager, abi: am, functionName: 'getMaxMagnitudes', args: [op, [s]], blockNumber: block });
    for (const set of manifest.scenario.operatorSets.filter((x) => x.members.includes(op) && x.strategies.includes(s))) {
      const a = await c.readContract({ address: el.allocationManager, abi: am, functionName: 'getAllocation', args: [op, { avs: set.avs, id: set.id }, s], blockNumber: block });
      if (a.currentMagnitude > 0n) out.push(`${set.avs}:${set.id}:${op}:${(amount * a.currentMagnitude) / max!}`);
    }
  }
  return out.sort();
}

test.describe('transaction guard', () => {
  test('viem delegateTo via EIP-6963: dialog shows operator, services and amounts; Cancel -> 4001; Proceed -> mined', async ({ context, ctx, worker }) => {
    void worker;
    const manifest = m(ctx.manifestPath);
    const el = manifest.contracts.eigenlayer;
    const stETH = manifest.contracts.tokens.find((t) => t.symbol === 'stETH')!;
    const staker = await freshAccount(ctx.rpcUrl, manifest, [el.strategyManager]);
    // A deposit first (straight to the devnet, not through the page), so the delegation moves stake.
    const pub = createPublicClient({ transport: http(ctx.rpcUrl), cacheTime: 0 });
    const depositHash = await pub.request({ method: 'eth_sendTransaction', params: [{ from: staker, to: el.strategyManager, data: encodeFunctionData({ abi: sm, functionName: 'depositIntoStrategy', args: [stETH.strategy, stETH.address, parseEther('64')] }), gas: '0x2dc6c0' }] } as never) as Hex;
    await receiptOf(ctx.rpcUrl, depositHash);
    const op = manifest.actors.find((a) => a.name === 'operator-1')!.address;
    const page = await context.newPage();
    await openDapp(page, ctx.rpcUrl);
    const ui = await GuardUi.attach(page);
    const data = encodeFunctionData({ abi: dm, functionName: 'delegateTo', args: [op, { signature: '0x', expiry: 0n }, zeroHash] });

    const cancelled = call(page, 'send', { from: staker, to: el.delegationManager, data, provider: 'Test Wallet A' });
    const [target] = await ui.waitFor('tx-target');
    expect(target!.attrs['data-address']).toBe(op);
    const [section] = await ui.byTestId('tx-call');
    const block = BigInt(section!.attrs['data-block']!);
    const expected = await expectedDelegation(ctx.rpcUrl, manifest, staker, op, block);
    expect(expected.length).toBeGreaterThan(1);
    expect(await shownServices(ui)).toEqual(expected);
    expect((await ui.byTestId('tx-service')).every((s) => /instant: no veto/.test(s.text))).toBe(true);
    // The stake that moves is the deposit's withdrawable value now (the strategy's share price rounds it).
    const [withdrawable] = await pub.readContract({ address: el.delegationManager, abi: dm, functionName: 'getWithdrawableShares', args: [staker, [stETH.strategy]], blockNumber: block });
    const moving = await pub.readContract({ address: stETH.strategy, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [withdrawable[0]!], blockNumber: block });
    expect(moving).toBeGreaterThan(parseEther('63'));
    expect((await ui.byTestId('tx-moving')).map((x) => `${x.attrs['data-direction']}:${x.attrs['data-symbol']}:${x.attrs['data-amount']}`)).toEqual([`delegated:stETH:${moving}`]);
    expect((await ui.waitFor('tx-exit-delay'))[0]!.text).toMatch(/blocks/);
    expect((await ui.waitFor('tx-grade'))[0]!.attrs['data-grade']).toMatch(/low|medium|high|unknown/);
    await ui.click('tx-cancel');
    expect(await cancelled).toMatchObject({ code: 4001 });
    expect(await pub.readContract({ address: el.delegationManager, abi: dm, functionName: 'delegatedTo', args: [staker] })).toBe('0x0000000000000000000000000000000000000000');
    expect(await ui.hostCount()).toBe(0);

    const proceeded = call(page, 'send', { from: staker, to: el.delegationManager, data, provider: 'Test Wallet A' });
    await ui.waitFor('tx-proceed');
    await page.keyboard.press('Tab'); // focus starts on Cancel; Tab moves to Proceed
    await page.keyboard.press('Enter');
    const result = await proceeded;
    expect(result.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await receiptOf(ctx.rpcUrl, result.hash!)).status).toBe('success');
    expect(await pub.readContract({ address: el.delegationManager, abi: dm, functionName: 'delegatedTo', args: [staker] })).toBe(op);
  });

  test('legacy sendAsync depositIntoStrategy while delegated shows what each set can slash more; legacy send of plain ETH passes untouched', async ({ context, ctx }) => {
    const manifest = m(ctx.manifestPath);
    const el = manifest.contracts.eigenlayer;
    const rETH = manifest.contracts.tokens.find((t) => t.symbol === 'rETH')!;
    const staker = await freshAccount(ctx.rpcUrl, manifest, [el.strategyManager]);
    const op = manifest.actors.find((a) => a.name === 'operator-2')!.address;
    const pub = createPublicClient({ transport: http(ctx.rpcUrl), cacheTime: 0 });
    await receiptOf(ctx.rpcUrl, await pub.request({ method: 'eth_sendTransaction', params: [{ from: staker, to: el.delegationManager, data: encodeFunctionData({ abi: dm, functionName: 'delegateTo', args: [op, { signature: '0x', expiry: 0n }, zeroHash] }), gas: '0x2dc6c0' }] } as never) as Hex);
    const page = await context.newPage();
    await openDapp(page, ctx.rpcUrl);
    const ui = await GuardUi.attach(page);

    // Plain ETH transfer through the legacy send(method, params): no dialog, mined.
    const before = Date.now();
    const transfer = await call(page, 'legacySend', { from: staker, to: manifest.actors.find((a) => a.name === 'staker-1')!.address, value: '0x1' });
    expect(transfer.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(Date.now() - before).toBeLessThan(5_000);
    expect(await ui.hostCount()).toBe(0);

    const amount = parseEther('12');
    const pending = call(page, 'sendAsync', { from: staker, to: el.strategyManager, data: encodeFunctionData({ abi: sm, functionName: 'depositIntoStrategy', args: [rETH.strategy, rETH.address, amount] }) });
    const [target] = await ui.waitFor('tx-target');
    expect(target!.attrs['data-address']).toBe(op);
    const block = BigInt((await ui.byTestId('tx-call'))[0]!.attrs['data-block']!);
    const [max] = await pub.readContract({ address: el.allocationManager, abi: am, functionName: 'getMaxMagnitudes', args: [op, [rETH.strategy]], blockNumber: block });
    const expected: string[] = [];
    for (const set of manifest.scenario.operatorSets.filter((x) => x.members.includes(op) && x.strategies.includes(rETH.strategy))) {
      const a = await pub.readContract({ address: el.allocationManager, abi: am, functionName: 'getAllocation', args: [op, { avs: set.avs, id: set.id }, rETH.strategy], blockNumber: block });
      if (a.currentMagnitude > 0n || a.pendingDiff !== 0n) expected.push(`${set.avs}:${set.id}:${op}:${(amount * a.currentMagnitude) / max!}`);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(await shownServices(ui)).toEqual(expected.sort());
    await ui.click('tx-proceed');
    const result = await pending;
    expect((await receiptOf(ctx.rpcUrl, result.hash!)).status).toBe('success');
  });

  test('Symbiotic vault deposit through a provider injected after load: networks/operators pro rata, veto window; Cancel -> 4001', async ({ context, ctx }) => {
    const manifest = m(ctx.manifestPath);
    const v = manifest.scenario.symbiotic!.vaults.find((x) => x.slasherType === 'veto')!;
    const staker = await freshAccount(ctx.rpcUrl, manifest, [v.address]);
    const page = await context.newPage();
    await openDapp(page, ctx.rpcUrl, '?late=1');
    await page.waitForFunction(() => (window as unknown as { ethereum?: unknown }).ethereum !== undefined);
    const ui = await GuardUi.attach(page);
    const amount = parseEther('30');
    const pending = call(page, 'send', { from: staker, to: v.address, data: encodeFunctionData({ abi: symVault, functionName: 'deposit', args: [staker, amount] }) });
    const [target] = await ui.waitFor('tx-target');
    expect(target!.attrs['data-address']).toBe(v.address);
    const block = BigInt((await ui.byTestId('tx-call'))[0]!.attrs['data-block']!);
    const pub = createPublicClient({ transport: http(ctx.rpcUrl), cacheTime: 0 });
    const activeStake = await pub.readContract({ address: v.address, abi: symVault, functionName: 'activeStake', blockNumber: block });
    const expected: string[] = [];
    for (const n of v.networks) {
      for (const op of Object.keys(n.operators)) {
        const stake = await pub.readContract({ address: v.delegator, abi: delegatorAbi, functionName: 'stake', args: [n.subnetwork, getAddress(op)], blockNumber: block });
        if (stake > 0n) expected.push(`${n.network}:${n.identifier}:${getAddress(op)}:${(amount * stake) / activeStake}`);
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(await shownServices(ui)).toEqual(expected.sort());
    expect((await ui.byTestId('tx-service')).every((s) => s.text.includes(`veto window ${Math.round(v.vetoDuration! / 60)} min`))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await pending).toMatchObject({ code: 4001 });
  });

  test('Karak vault deposit with two wallets announced, through the second: each DSS and its max share; Proceed -> mined', async ({ context, ctx }) => {
    const manifest = m(ctx.manifestPath);
    const k = manifest.scenario.karak!;
    const v = k.vaults.find((x) => x.dss.length === 2)!;
    const staker = await freshAccount(ctx.rpcUrl, manifest, [v.address]);
    const page = await context.newPage();
    await openDapp(page, ctx.rpcUrl, '?two=1');
    expect(await page.evaluate(() => (window as unknown as { dapp: { providers(): string[] } }).dapp.providers())).toEqual(['Test Wallet A', 'Test Wallet B']);
    const ui = await GuardUi.attach(page);
    const amount = parseEther('5');
    const pending = call(page, 'send', { from: staker, to: v.address, data: encodeFunctionData({ abi: karakVault, functionName: 'deposit', args: [amount, staker] }), provider: 'Test Wallet B' });
    await ui.waitFor('tx-target');
    const block = BigInt((await ui.byTestId('tx-call'))[0]!.attrs['data-block']!);
    const pub = createPublicClient({ transport: http(ctx.rpcUrl), cacheTime: 0 });
    const expected: string[] = [];
    for (const dss of v.dss) {
      const pct = await pub.readContract({ address: manifest.contracts.karak!.core!, abi: coreAbi, functionName: 'getDssMaxSlashablePercentageWad', args: [dss], blockNumber: block });
      expected.push(`${dss}:0:${v.operator}:${(amount * pct) / (100n * 10n ** 18n)}`);
    }
    const shown = (await ui.byTestId('tx-service')).filter((s) => s.attrs['data-amount'] !== '0');
    expect(shown.map((e) => `${e.attrs['data-service']}:${e.attrs['data-set']}:${e.attrs['data-operator']}:${e.attrs['data-amount']}`).sort()).toEqual(expected.sort());
    expect(shown.every((s) => /veto committee, 2 days/.test(s.text))).toBe(true);
    await ui.click('tx-proceed');
    const result = await pending;
    expect((await receiptOf(ctx.rpcUrl, result.hash!)).status).toBe('success');
  });

  test('a hostile page can neither read the dialog nor forge or replay bridge messages', async ({ context, ctx }) => {
    const manifest = m(ctx.manifestPath);
    const el = manifest.contracts.eigenlayer;
    const staker = await freshAccount(ctx.rpcUrl, manifest, []);
    const op = manifest.actors.find((a) => a.name === 'operator-1')!.address;
    // Runs before the guard: records every event dispatched in the main world (our channel included).
    const spy = `<script>window.__seen = []; const d = EventTarget.prototype.dispatchEvent; EventTarget.prototype.dispatchEvent = function (e) { if (e && typeof e.type === 'string' && e.type.startsWith('rc-')) window.__seen.push({ target: this, type: e.type, detail: e.detail }); return d.call(this, e); };</script>`;
    const page = await context.newPage();
    await openDapp(page, ctx.rpcUrl, '', spy);
    const ui = await GuardUi.attach(page);
    const data = encodeFunctionData({ abi: dm, functionName: 'delegateTo', args: [op, { signature: '0x', expiry: 0n }, zeroHash] });
    const pending = call(page, 'send', { from: staker, to: el.delegationManager, data });
    await ui.waitFor('tx-cancel');
    const probe = await page.evaluate(() => {
      const w = window as unknown as { __seen: { target: EventTarget; type: string; detail: string }[] };
      const host = document.querySelector('rc-tx-guard') as HTMLElement | null;
      const seen = w.__seen.filter((s) => s.type === 'rc-tx-guard:to-content');
      const intercept = JSON.parse(seen[0]!.detail) as { id: string };
      // Counted before forging: the content script's answers are dispatched from its own world, unseen here.
      const fromContent = w.__seen.filter((s) => s.type === 'rc-tx-guard:to-main').length;
      // Forged verdicts on the captured channel, on window and on document: no MAC, wrong MAC.
      for (const t of [seen[0]!.target, window, document]) {
        t.dispatchEvent(new CustomEvent('rc-tx-guard:to-main', { detail: JSON.stringify({ v: 1, kind: 'verdict', id: intercept.id, verdict: 'proceed' }) }));
        t.dispatchEvent(new CustomEvent('rc-tx-guard:to-main', { detail: JSON.stringify({ v: 1, kind: 'verdict', id: intercept.id, verdict: 'proceed', mac: `0x${'11'.repeat(32)}` }) }));
      }
      window.postMessage({ v: 1, kind: 'verdict', id: intercept.id, verdict: 'proceed' }, '*');
      // Replay the genuine intercept: it must not open a second dialog.
      seen[0]!.target.dispatchEvent(new CustomEvent('rc-tx-guard:to-content', { detail: seen[0]!.detail }));
      return {
        hostFound: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        text: host?.innerText ?? '',
        html: host?.innerHTML ?? '',
        secretInDom: document.querySelectorAll('[data-rc-bridge]').length,
        fromContent,
        leaks: JSON.stringify(w.__seen.map((s) => s.detail)),
      };
    });
    expect(probe).toMatchObject({ hostFound: true, shadowRoot: null, text: '', html: '', secretInDom: 0, fromContent: 0 });
    // What the main world saw carries the request only: no tracked data, no grade, no amounts from us.
    expect(probe.leaks).not.toMatch(/grade|services|amountText|reason/);
    await page.waitForTimeout(500);
    expect(await ui.hostCount()).toBe(1); // the replay opened nothing new
    await ui.click('tx-cancel');
    expect(await pending).toMatchObject({ code: 4001 });
  });

  test('guard switched off: a restaking call goes straight to the wallet with no dialog', async ({ context, ctx, worker }) => {
    const manifest = m(ctx.manifestPath);
    const el = manifest.contracts.eigenlayer;
    const staker = await freshAccount(ctx.rpcUrl, manifest, []);
    await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } } } }).chrome;
      // What the options page's off switch stores (other fields keep their stored values or defaults).
      const { settings } = await c.storage.local.get('settings') as { settings?: Record<string, unknown> };
      await c.storage.local.set({ settings: { ...(settings ?? {}), txGuard: { enabled: false, skipLowRiskOrigins: [] } } });
    });
    const page = await context.newPage();
    await openDapp(page, ctx.rpcUrl);
    const ui = await GuardUi.attach(page);
    const op = manifest.actors.find((a) => a.name === 'operator-2')!.address;
    const result = await call(page, 'send', { from: staker, to: el.delegationManager, data: encodeFunctionData({ abi: dm, functionName: 'delegateTo', args: [op, { signature: '0x', expiry: 0n }, zeroHash] }) });
    expect((await receiptOf(ctx.rpcUrl, result.hash!)).status).toBe('success');
    expect(await ui.hostCount()).toBe(0);
  });
});
