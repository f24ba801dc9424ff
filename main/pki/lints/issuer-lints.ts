import { findExtension } from '../certificate-view.js';
import { readBasicConstraints } from '../extensions/basic-constraints.js';
import { readKeyUsage } from '../extensions/key-usage.js';
import { EXTENSION } from '../extensions/oids.js';
import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';

/** RFC 5280 §4.2.1.9 and §4.2.1.3: only a CA certificate with keyCertSign may issue. */
export const issuerIsCa: CertificateLint = {
  id: 'issuer-is-ca',
  clause: 'RFC 5280 §4.2.1.3, §4.2.1.9',
  check: (_c, ctx) => {
    const bc = findExtension(ctx.issuer, EXTENSION.basicConstraints);
    const ku = findExtension(ctx.issuer, EXTENSION.keyUsage);
    return [
      ...unless(bc !== undefined && readBasicConstraints(bc.value)?.ca === true, 'The issuing certificate is not a CA (basicConstraints cA=TRUE is missing).'),
      ...unless(ku !== undefined && (readKeyUsage(ku.value) ?? []).includes('keyCertSign'), 'The issuing certificate lacks keyUsage keyCertSign.'),
    ];
  },
};

/** RFC 5280 §4.2.1.9: a CA certificate below an issuer with pathLenConstraint n needs n ≥ 1 and its own pathLenConstraint < n. */
export const issuerPathLength: CertificateLint = {
  id: 'issuer-path-length',
  clause: 'RFC 5280 §4.2.1.9',
  check: (c, ctx) => {
    if (ctx.selfSigned) return [];
    const issuerBc = findExtension(ctx.issuer, EXTENSION.basicConstraints);
    const issuerLimit = issuerBc && readBasicConstraints(issuerBc.value)?.pathLength;
    const ownBc = findExtension(c, EXTENSION.basicConstraints);
    const own = ownBc && readBasicConstraints(ownBc.value);
    if (issuerLimit === undefined || !own?.ca) return [];
    if (issuerLimit === 0) return ['The issuing CA has pathLenConstraint 0: it may not certify another CA.'];
    return unless(own.pathLength !== undefined && own.pathLength < issuerLimit, `The pathLenConstraint must be below the issuer's (${issuerLimit}).`);
  },
};
