// Who is who on the devnet: anvil's default mnemonic accounts by index. anvil unlocks these
// accounts, so the seeder sends plain eth_sendTransaction (one RPC per tx, no local signing).
import { getAddress, type Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

export type ActorRole = 'deployer' | 'operator' | 'avs' | 'staker' | 'redistribution-recipient' | 'network' | 'middleware' | 'curator' | 'resolver';

export interface Actor {
  role: ActorRole;
  name: string;
  address: Address;
  keyIndex: number;
}

const TABLE: [ActorRole, string][] = [
  ['deployer', 'deployer'], // 0: deploys everything; also the pods' beacon oracle and the token minter
  ['operator', 'operator-1'], // 1: allocation delay 0
  ['operator', 'operator-2'], // 2: allocation delay 25 (leaves a pending allocation)
  ['avs', 'avs-1'], // 3
  ['avs', 'avs-2'], // 4: owns the redistributing set
  ['staker', 'staker-1'], // 5
  ['staker', 'staker-2'], // 6
  ['staker', 'staker-3'], // 7
  ['redistribution-recipient', 'redistribution-recipient'], // 8
  // Symbiotic (lib/devnet/symbiotic). anvil unlocks only indexes 0-9: the seeder impersonates and funds 10+.
  ['network', 'network-1'], // 9
  ['network', 'network-2'], // 10
  ['middleware', 'middleware-1'], // 11: network-1's middleware (may slash its vault stake)
  ['middleware', 'middleware-2'], // 12
  ['curator', 'curator'], // 13: owner and limit-setting roles of every Symbiotic vault
  ['resolver', 'resolver'], // 14: veto resolver of network-1 on the VetoSlasher vault
];

const addressCache = new Map<number, Address>();
export function actorAddress(keyIndex: number): Address {
  let a = addressCache.get(keyIndex);
  if (!a) {
    a = getAddress(mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: keyIndex }).address);
    addressCache.set(keyIndex, a);
  }
  return a;
}

export function devnetActors(): Actor[] {
  return TABLE.map(([role, name], keyIndex) => ({ role, name, address: actorAddress(keyIndex), keyIndex }));
}

export function actorByName(name: string): Actor {
  const a = devnetActors().find((x) => x.name === name);
  if (!a) throw new Error(`unknown devnet actor ${name}`);
  return a;
}
