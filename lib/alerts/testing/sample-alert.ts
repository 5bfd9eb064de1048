// A fixed alert for unit tests (store, notifications, codec).
import type { Alert } from '../types.js';

export function sampleAlert(over: Partial<Alert> = {}): Alert {
  const txHash = '0x1111111111111111111111111111111111111111111111111111111111111111' as const;
  const address = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' as const;
  return {
    id: `31337:${txHash}:3:${address.toLowerCase()}`,
    eventId: `31337:${txHash}:3`,
    chainId: 31337,
    protocol: 'eigenlayer',
    kind: 'slash',
    severity: 'critical',
    address,
    operator: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    service: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
    setId: 0,
    assets: [{ asset: { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'stETH', decimals: 18 }, strategy: '0x856e4424f806D16E8CBC702B3c0F2ede5468eae5', source: 'position', amountLost: 12_500_000_000_000_000_000n, sharesLost: 12_000_000_000_000_000_000n }],
    blockNumber: 120n,
    blockHash: '0x2222222222222222222222222222222222222222222222222222222222222222',
    txHash,
    logIndex: 3,
    timestamp: 1_700_000_000,
    status: 'unconfirmed',
    title: 'Slashed: 0x9965…A4dc lost 12.5 stETH',
    sentence: 'AVS 0x90F7…b906 (operator set 0) slashed operator 0x7099…79C8; 0x9965…A4dc lost 12.5 stETH.',
    ...over,
  };
}
