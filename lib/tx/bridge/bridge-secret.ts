// The per-page secret and the MAC that proves a message came from whoever holds it.
// The content script creates the secret at document_start and hands it to the main-world script on
// the <script> element it injects (WXT injectScript's modifyScript; see docs/tx-guard.md). The secret
// itself never travels in a message: each message carries keccak256(secret ‖ canonical body), so a
// page that sees messages still cannot forge one (keccak256 is not length-extendable).
import { bytesToHex, keccak256, stringToBytes, type Hex } from 'viem';

export const SECRET_ATTRIBUTE = 'data-rc-bridge';
const SECRET_FORMAT = /^[0-9a-f]{64}$/;

/** 32 random bytes as 64 lower-case hex characters (no 0x). */
export function createBridgeSecret(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(32))).slice(2);
}

export const isBridgeSecret = (s: unknown): s is string => typeof s === 'string' && SECRET_FORMAT.test(s);

/**
 * Main world, first statement of the injected script: read the secret from our own <script> element
 * (document.currentScript) and remove it, so no later page script can read it from the DOM.
 */
export function takeBridgeSecret(script: { getAttribute(name: string): string | null; removeAttribute(name: string): void } | null): string | null {
  if (!script) return null;
  const value = script.getAttribute(SECRET_ATTRIBUTE);
  script.removeAttribute(SECRET_ATTRIBUTE);
  return isBridgeSecret(value) ? value : null;
}

/** MAC over a canonical body text (bridge-codec.ts builds it from validated fields only). */
export function bridgeMac(secret: string, canonicalBody: string): Hex {
  return keccak256(stringToBytes(`${secret}\n${canonicalBody}`));
}

/** Compares two MACs without an early exit on the first differing character. */
export function sameMac(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
