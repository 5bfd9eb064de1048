// `local:risk`: written only by the background after each chain's positions refresh.
import { storage } from 'wxt/utils/storage';
import { decodeRisk } from './decode-risk.js';
import { RISK_VERSION, type RiskStore } from './risk.js';

export const RISK_KEY = 'local:risk' as const;

export const riskItem = storage.defineItem<unknown>(RISK_KEY, { version: RISK_VERSION });

export async function loadRisk(): Promise<RiskStore> {
  const { value, problems } = decodeRisk(await riskItem.getValue());
  if (problems.length) console.warn('[risk] stored risk repaired on read:', problems);
  return value;
}

/** The stored form is the decoded form (JSON-safe by construction). */
export async function saveRisk(store: RiskStore): Promise<void> {
  await riskItem.setValue(store);
}
