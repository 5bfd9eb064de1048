// Creates N extra stakers on a devnet for the benchmark: each gets tokens from the deployer,
// deposits into every LST strategy and delegates to an operator (EigenLayer), and deposits into one
// Symbiotic vault and one Karak vault, so every tracked address has positions and exposures in all
// three protocols (the expensive case for a refresh).
import { createTestClient, createWalletClient, erc20Abi, http, parseAbi, parseEther, publicActions, type Address } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { delegationManagerAbi, strategyManagerAbi } from '../lib/protocols/eigenlayer/abi.js';

export interface BenchManifest {
  rpcUrl: string;
  chainId: number;
  contracts: { eigenlayer: { delegationManager: Address; strategyManager: Address }; tokens: { symbol: string; address: Address; strategy: Address }[] };
  actors: { role: string; address: Address; keyIndex: number }[];
  scenario: {
    symbiotic?: { vaults: { address: Address; collateral: Address }[] };
    karak?: { vaults: { address: Address; asset: Address }[] };
  };
}

const symbioticDepositAbi = parseAbi(['function deposit(address onBehalfOf, uint256 amount) returns (uint256, uint256)']);
const karakDepositAbi = parseAbi(['function deposit(uint256 assets, address to) returns (uint256)']);

const mintAbi = [{ type: 'function', name: 'mint', stateMutability: 'nonpayable', inputs: [{ name: 'to', type: 'address' }, { name: 'amount', type: 'uint256' }], outputs: [] }] as const;

export async function seedStakers(manifest: BenchManifest, count: number): Promise<Address[]> {
  const test = createTestClient({ mode: 'anvil', transport: http(manifest.rpcUrl), cacheTime: 0 }).extend(publicActions);
  const deployer = manifest.actors.find((a) => a.role === 'deployer')!.address;
  const operators = manifest.actors.filter((a) => a.role === 'operator').map((a) => a.address);
  const { delegationManager, strategyManager } = manifest.contracts.eigenlayer;
  const stakers: Address[] = [];
  for (let i = 0; i < count; i++) {
    const key = `0x${(0xbe9c40000n + BigInt(i)).toString(16).padStart(64, '0')}` as const;
    stakers.push(privateKeyToAddress(key));
  }
  await test.impersonateAccount({ address: deployer });
  const wallet = (account: Address) => createWalletClient({ account, transport: http(manifest.rpcUrl) });
  const hashes: `0x${string}`[] = [];
  for (const [i, s] of stakers.entries()) {
    await test.setBalance({ address: s, value: parseEther('10') });
    await test.impersonateAccount({ address: s });
    for (const t of manifest.contracts.tokens) {
      const amount = parseEther(String(1 + (i % 7)));
      hashes.push(await wallet(deployer).writeContract({ chain: null, gas: 1_000_000n, address: t.address, abi: mintAbi, functionName: 'mint', args: [s, amount] }));
      hashes.push(await wallet(s).writeContract({ chain: null, gas: 1_000_000n, address: t.address, abi: erc20Abi, functionName: 'approve', args: [strategyManager, amount] }));
      hashes.push(await wallet(s).writeContract({ chain: null, gas: 1_000_000n, address: strategyManager, abi: strategyManagerAbi, functionName: 'depositIntoStrategy', args: [t.strategy, t.address, amount] }));
    }
    const sym = manifest.scenario.symbiotic?.vaults[i % (manifest.scenario.symbiotic?.vaults.length || 1)];
    const kar = manifest.scenario.karak?.vaults[i % (manifest.scenario.karak?.vaults.length || 1)];
    for (const [vault, token, kind] of [
      [sym?.address, sym?.collateral, 'symbiotic'],
      [kar?.address, kar?.asset, 'karak'],
    ] as const) {
      if (!vault || !token) continue;
      const amount = parseEther(String(1 + (i % 5)));
      hashes.push(await wallet(deployer).writeContract({ chain: null, gas: 1_000_000n, address: token, abi: mintAbi, functionName: 'mint', args: [s, amount] }));
      hashes.push(await wallet(s).writeContract({ chain: null, gas: 1_000_000n, address: token, abi: erc20Abi, functionName: 'approve', args: [vault, amount] }));
      hashes.push(
        kind === 'symbiotic'
          ? await wallet(s).writeContract({ chain: null, gas: 2_000_000n, address: vault, abi: symbioticDepositAbi, functionName: 'deposit', args: [s, amount] })
          : await wallet(s).writeContract({ chain: null, gas: 2_000_000n, address: vault, abi: karakDepositAbi, functionName: 'deposit', args: [amount, s] }),
      );
    }
    hashes.push(
      await wallet(s).writeContract({
        chain: null,
        gas: 1_000_000n, // estimates of delegateTo came out short on anvil now and then
        address: delegationManager,
        abi: delegationManagerAbi,
        functionName: 'delegateTo',
        args: [operators[i % operators.length]!, { signature: '0x', expiry: 0n }, `0x${'0'.repeat(64)}`],
      }),
    );
  }
  for (const h of hashes) {
    const r = await test.waitForTransactionReceipt({ hash: h });
    if (r.status !== 'success') throw new Error(`bench seeding transaction ${h} reverted`);
  }
  return stakers;
}
