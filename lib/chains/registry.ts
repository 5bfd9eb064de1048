// The chains the extension knows: default public RPCs (no API key, CORS-enabled) and the restaking
// deployments of each, from the reference (§1.1, §2.2, §3.1). A chain is read only when enabled;
// a deployments file can override any chain's addresses. Karak addresses are UNCONFIRMED in the
// reference: the Karak adapter verifies them on chain on first use and disables them if they fail.
import { getAddress, type Address } from 'viem';
import { MAINNET_DEPLOYMENTS, MULTICALL3, type Deployments, type SymbioticAddresses } from './deployments.js';

export interface ChainInfo {
  chainId: number;
  name: string;
  /** Seconds per block, for ETAs of block-based delays. */
  blockTime: number;
  testnet: boolean;
  rpcUrls: readonly string[];
  deployments: Deployments;
  /** Enabled in a fresh install. */
  enabledByDefault: boolean;
}

const a = (x: string): Address => getAddress(x);

const SYMBIOTIC_TESTNET_CORE = {
  vaultFactory: a('0x407A039D94948484D356eFB765b3c74382A050B4'),
  delegatorFactory: a('0x890CA3f95E0f40a79885B7400926544B2214B03f'),
  slasherFactory: a('0xbf34bf75bb779c383267736c53a4ae86ac7bB299'),
  networkRegistry: a('0x7d03b7343BF8d5cEC7C0C27ecE084a20113D15C9'),
  operatorRegistry: a('0x6F75a4ffF97326A00e52662d82EA4FdE86a2C548'),
  networkMiddlewareService: a('0x62a1ddfD86b4c1636759d9286D3A0EC722D086e3'),
  operatorVaultOptInService: a('0x95CC0a052ae33941877c9619835A233D21D57351'),
  operatorNetworkOptInService: a('0x58973d16FFA900D11fC22e5e2B6840d9f7e13401'),
} satisfies Partial<SymbioticAddresses>;

export const CHAINS: readonly ChainInfo[] = [
  {
    chainId: 1,
    name: 'Ethereum',
    blockTime: 12,
    testnet: false,
    rpcUrls: ['https://ethereum-rpc.publicnode.com', 'https://eth.llamarpc.com', 'https://eth.drpc.org'],
    deployments: MAINNET_DEPLOYMENTS,
    enabledByDefault: true,
  },
  {
    chainId: 560048,
    name: 'Hoodi',
    blockTime: 12,
    testnet: true,
    rpcUrls: ['https://ethereum-hoodi-rpc.publicnode.com'],
    deployments: {
      chainId: 560048,
      multicall3: MULTICALL3,
      eigenlayer: {
        delegationManager: a('0x867837a9722C512e0862d8c2E15b8bE220E8b87d'),
        strategyManager: a('0xeE45e76ddbEDdA2918b8C7E3035cd37Eab3b5D41'),
        eigenPodManager: a('0xcd1442415Fc5C29Aa848A49d2e232720BE07976c'),
        allocationManager: a('0x95a7431400F362F3647a69535C5666cA0133CAA0'),
        avsDirectory: a('0xD58f6844f79eB1fbd9f7091d05f7cb30d3363926'),
        rewardsCoordinator: a('0x29e8572678e0c272350aa0b4B8f304E47EBcd5e7'),
        strategyFactory: a('0xfB7d94501E4d4ACC264833Ef4ede70a11517422B'),
      },
      symbiotic: { ...SYMBIOTIC_TESTNET_CORE, vaultConfigurator: a('0x94c344E816A53D07fC4c7F4a18f82b6Da87CFc8f'), stakerRewardsFactory: a('0x1eA0b919721C20dae19aBc4391850D94eDbe9b1c') },
    },
    enabledByDefault: false,
  },
  {
    chainId: 11155111,
    name: 'Sepolia',
    blockTime: 12,
    testnet: true,
    rpcUrls: ['https://ethereum-sepolia-rpc.publicnode.com'],
    deployments: {
      chainId: 11155111,
      multicall3: MULTICALL3,
      eigenlayer: {
        delegationManager: a('0xD4A7E1Bd8015057293f0D0A557088c286942e84b'),
        strategyManager: a('0x2E3D6c0744b10eb0A4e6F679F71554a39Ec47a5D'),
        eigenPodManager: a('0x56BfEb94879F4543E756d26103976c567256034a'),
        allocationManager: a('0x42583067658071247ec8CE0A516A58f682002d07'),
        avsDirectory: a('0xa789c91ECDdae96865913130B786140Ee17aF545'),
        rewardsCoordinator: a('0x5ae8152fb88c26ff9ca5C014c94fca3c68029349'),
        strategyFactory: a('0x066cF95c1bf0927124DFB8B02B401bc23A79730D'),
      },
      symbiotic: { ...SYMBIOTIC_TESTNET_CORE, vaultConfigurator: a('0xD2191FE92987171691d552C219b8caEf186eb9cA'), stakerRewardsFactory: a('0xE6381EDA7444672da17Cd859e442aFFcE7e170F0') },
    },
    enabledByDefault: false,
  },
  {
    chainId: 17000,
    name: 'Holesky (deprecated)',
    blockTime: 12,
    testnet: true,
    rpcUrls: ['https://ethereum-holesky-rpc.publicnode.com'],
    deployments: {
      chainId: 17000,
      multicall3: MULTICALL3,
      eigenlayer: {
        delegationManager: a('0xA44151489861Fe9e3055d95adC98FbD462B948e7'),
        strategyManager: a('0xdfB5f6CE42aAA7830E94ECFCcAd411beF4d4D5b6'),
        eigenPodManager: a('0x30770d7E3e71112d7A6b7259542D1f680a70e315'),
        allocationManager: a('0x78469728304326CBc65f8f95FA756B0B73164462'),
        avsDirectory: a('0x055733000064333CaDDbC92763c58BF0192fFeBf'),
        rewardsCoordinator: a('0xAcc1fb458a1317E886dB376Fc8141540537E68fE'),
        strategyFactory: a('0x9c01252B580efD11a05C00Aa42Dd3ac1Ec52DF6d'),
      },
      symbiotic: { ...SYMBIOTIC_TESTNET_CORE, vaultConfigurator: a('0xD2191FE92987171691d552C219b8caEf186eb9cA'), stakerRewardsFactory: a('0x58E80fA5Eb938525f2ca80C5bdE724D7a99A7892') },
    },
    enabledByDefault: false,
  },
  {
    chainId: 42161,
    name: 'Arbitrum One',
    blockTime: 0.25,
    testnet: false,
    rpcUrls: ['https://arbitrum-one-rpc.publicnode.com', 'https://arb1.arbitrum.io/rpc'],
    deployments: {
      chainId: 42161,
      multicall3: MULTICALL3,
      karak: { core: a('0xf3Ed85D882b5d9A67fC10dBf8f9AA991212983aA'), vaultSupervisor: a('0x399f22ae52a18382a67542b3de9bed52b7b9a4ad') },
      unconfirmed: ['karak.core', 'karak.vaultSupervisor'],
    },
    enabledByDefault: false,
  },
];

export function chainInfo(chainId: number): ChainInfo | undefined {
  return CHAINS.find((c) => c.chainId === chainId);
}

export function chainName(chainId: number): string {
  return chainInfo(chainId)?.name ?? (chainId === 31337 ? 'Devnet' : `Chain ${chainId}`);
}


/** Built-in deployments of a registered chain (mainnet defaults from the reference). */
export function defaultDeployments(chainId: number): Deployments | undefined {
  return chainInfo(chainId)?.deployments;
}
