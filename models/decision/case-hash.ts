import type { BusinessCase } from '../case/case-schema.ts';
import { canonicalJson } from './canonical-json.ts';
import { sha256 } from './sha256.ts';

/**
 * The identity of a case version: SHA-256 (lowercase hex) of its canonical JSON. Hash
 * the validated case (defaults applied), so that two documents meaning the same case,
 * one spelling out a default and one not, or with keys in another order, share a hash.
 *
 * @example
 * caseHash(parseCase(json).case) // '3f0a…' (64 hex digits)
 */
export function caseHash(bc: BusinessCase): string {
  return sha256(canonicalJson(bc));
}
