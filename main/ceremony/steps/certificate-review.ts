import { readTbsCertificate } from '../../pki/certificate-view.js';
import { describeExtension } from '../../pki/extensions/describe-extension.js';
import { formatName } from '../../pki/names.js';
import { describePublicKeyType, inspectPublicKey } from '../../pki/public-key.js';
import type { PreparedCertificate } from '../../pki/issued-certificate.js';
import { encodeTbsCertificate } from '../../pki/tbs-certificate.js';

/**
 * The certificate as the witness reviews it before the HSM signs: subject,
 * issuer, validity, key, every extension with its criticality, and the
 * profile that will lint it — all read back from the exact TBS to be signed.
 */
export function reviewText(prepared: PreparedCertificate): string {
  const view = readTbsCertificate(encodeTbsCertificate(prepared.fields));
  const key = inspectPublicKey(view.spki);
  const lines = [
    `Profile: ${prepared.profile.name}`,
    `Subject: ${formatName(view.subject)}`,
    `Issuer: ${formatName(view.issuer)}`,
    `Serial: ${Buffer.from(view.serialNumber).toString('hex')}`,
    `Valid from ${view.notBefore.date.toISOString()} to ${view.notAfter.date.toISOString()}`,
    `Key: ${'code' in key ? key.message : describePublicKeyType(key)}`,
    ...(view.extensions ?? []).map(describeExtension).map((e) => `${e.name}${e.critical ? ' (critical)' : ''}: ${e.value}`),
  ];
  return lines.join('\n');
}
