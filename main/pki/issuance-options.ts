import type { SignatureChoice } from './algorithms.js';
import type { DistinguishedName } from './names.js';
import type { SerialNumberAllocator } from './serial-numbers.js';
import { DAY, type ValidityRequest } from './validity.js';

/** What every certificate request shares; the script decides these within the profile. */
export interface CertificateRequestBase {
  /** The subject, attribute by attribute, in the order it is encoded. */
  subject: DistinguishedName;
  validity: ValidityRequest;
  /** The ceremony's serial numbers (one allocator per ceremony, fed by the HSM's RNG). */
  serialNumbers: SerialNumberAllocator;
  /** When the signature is made; default now. The lints judge notBefore against it. */
  signingTime?: Date;
  /** Hash and RSA padding; EC keys always use their curve's hash. */
  signature?: SignatureChoice;
  /** How many days notBefore may lie before the signing time (default 1, as the BR say). */
  notBeforeWindowDays?: number;
}

/** The lint window for notBefore, in seconds. */
export function notBeforeWindowSeconds(request: Pick<CertificateRequestBase, 'notBeforeWindowDays'>): number {
  return ((request.notBeforeWindowDays ?? 1) * DAY) / 1000;
}
