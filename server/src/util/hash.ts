/**
 * node:crypto, loaded on first use and not at start-up: a plain `soc2 check` of a small repo never hashes
 * (each builtin costs a few ms to load).
 */
export const nodeCrypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');

/** The SHA-256 of a text or bytes, in hex. */
export function sha256(text: string | Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(text).digest('hex');
}
