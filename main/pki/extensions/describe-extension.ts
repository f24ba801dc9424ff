import { readAuthorityInformationAccess } from './authority-information-access.js';
import { readBasicConstraints } from './basic-constraints.js';
import { readCertificatePolicies } from './certificate-policies.js';
import { readCrlDistributionPoints } from './crl-distribution-points.js';
import { readCrlNumber, readReasonCode, reasonName } from './crl-extensions.js';
import { readExtendedKeyUsage } from './extended-key-usage.js';
import type { ExtensionValue } from './extension.js';
import { readAuthorityKeyIdentifier, readSubjectKeyIdentifier } from './key-identifiers.js';
import { readKeyUsage } from './key-usage.js';
import { EXTENSION, oidName } from './oids.js';

/** An extension as the UI and the transcript show it. */
export interface ExtensionSummary {
  name: string;
  oid: string;
  critical: boolean;
  /** Its value in words, e.g. "CA:TRUE, pathlen:0" or "keyCertSign, cRLSign". */
  value: string;
}

/** Describes an extension's value in the words openssl uses where it can. */
export function describeExtension(extension: ExtensionValue): ExtensionSummary {
  return { name: oidName(extension.oid), oid: extension.oid, critical: extension.critical, value: describeValue(extension) ?? `(unparsed) ${hex(extension.value)}` };
}

function describeValue({ oid, value }: ExtensionValue): string | undefined {
  switch (oid) {
    case EXTENSION.basicConstraints: {
      const bc = readBasicConstraints(value);
      return bc && `CA:${bc.ca ? 'TRUE' : 'FALSE'}${bc.pathLength !== undefined ? `, pathlen:${bc.pathLength}` : ''}`;
    }
    case EXTENSION.keyUsage:
      return readKeyUsage(value)?.join(', ');
    case EXTENSION.extKeyUsage:
      return readExtendedKeyUsage(value)?.map(oidName).join(', ');
    case EXTENSION.subjectKeyIdentifier: {
      const ski = readSubjectKeyIdentifier(value);
      return ski && hex(ski);
    }
    case EXTENSION.authorityKeyIdentifier: {
      const aki = readAuthorityKeyIdentifier(value);
      return aki?.keyIdentifier && `keyid:${hex(aki.keyIdentifier)}${aki.hasIssuerAndSerial ? ' (with issuer and serial)' : ''}`;
    }
    case EXTENSION.certificatePolicies:
      return readCertificatePolicies(value)?.map((p) => (oidName(p.oid) === p.oid ? p.oid : `${p.oid} (${oidName(p.oid)})`)).join(', ');
    case EXTENSION.cRLDistributionPoints:
      return readCrlDistributionPoints(value)?.flatMap((p) => p.uris).join(', ');
    case EXTENSION.authorityInfoAccess:
      return readAuthorityInformationAccess(value)?.map((d) => `${oidName(d.method)} ${d.uri ?? '(not a URI)'}`).join(', ');
    case EXTENSION.cRLNumber:
      return readCrlNumber(value)?.value.toString();
    case EXTENSION.reasonCode: {
      const code = readReasonCode(value);
      return code === undefined ? undefined : reasonName(code);
    }
    default:
      return undefined;
  }
}

function hex(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('hex').toUpperCase().match(/../g) ?? []).join(':');
}
