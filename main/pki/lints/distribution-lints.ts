import { findExtension } from '../certificate-view.js';
import { readAuthorityInformationAccess } from '../extensions/authority-information-access.js';
import { readCrlDistributionPoints } from '../extensions/crl-distribution-points.js';
import { ACCESS_METHOD, EXTENSION } from '../extensions/oids.js';
import { isHttpUri } from '../extensions/uri-general-name.js';
import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';

export interface LocationRule {
  presence: 'required' | 'optional';
  /** Every URI must be plain http (BR: relying parties fetch them before they can check TLS). */
  httpOnly: boolean;
}

/** cRLDistributionPoints: non-critical, fullName URIs only (BR §7.1.2.11.2). */
export function crlDistributionPoints(rule: LocationRule, clause: string): CertificateLint {
  return {
    id: 'crl-distribution-points',
    clause,
    check: (c) => {
      const extension = findExtension(c, EXTENSION.cRLDistributionPoints);
      if (!extension) return unless(rule.presence === 'optional', 'cRLDistributionPoints is missing; this profile requires an http URI for the CRL.');
      const points = readCrlDistributionPoints(extension.value);
      if (!points) return ['cRLDistributionPoints is malformed or empty.'];
      const uris = points.flatMap((p) => p.uris);
      return [
        ...unless(!extension.critical, 'cRLDistributionPoints must not be critical.'),
        ...unless(points.every((p) => !p.hasOtherParts && p.uris.length > 0), 'cRLDistributionPoints must hold only a fullName of URIs (no reasons, no cRLIssuer).'),
        ...(rule.httpOnly ? uris.filter((u) => !isHttpUri(u)).map((u) => `The CRL URI "${u}" is not an http:// URI.`) : []),
      ];
    },
  };
}

/** authorityInfoAccess: non-critical, only OCSP and caIssuers URIs; when required, at least one caIssuers (BR §7.1.2.10.3). */
export function authorityInformationAccess(rule: LocationRule, clause: string): CertificateLint {
  return {
    id: 'authority-information-access',
    clause,
    check: (c) => {
      const extension = findExtension(c, EXTENSION.authorityInfoAccess);
      if (!extension) return unless(rule.presence === 'optional', 'authorityInfoAccess is missing; this profile requires a caIssuers http URI.');
      const descriptions = readAuthorityInformationAccess(extension.value);
      if (!descriptions) return ['authorityInfoAccess is malformed or empty.'];
      const known: string[] = [ACCESS_METHOD.ocsp, ACCESS_METHOD.caIssuers];
      return [
        ...unless(!extension.critical, 'authorityInfoAccess must not be critical.'),
        ...unless(descriptions.every((d) => known.includes(d.method) && d.uri !== undefined), 'authorityInfoAccess must hold only OCSP and caIssuers URIs.'),
        ...unless(rule.presence === 'optional' || descriptions.some((d) => d.method === ACCESS_METHOD.caIssuers), 'authorityInfoAccess has no caIssuers URI; this profile requires one.'),
        ...(rule.httpOnly ? descriptions.filter((d) => d.uri !== undefined && !isHttpUri(d.uri)).map((d) => `The URI "${d.uri}" in authorityInfoAccess is not an http:// URI.`) : []),
      ];
    },
  };
}
