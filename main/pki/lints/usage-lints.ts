import { findExtension } from '../certificate-view.js';
import { readBasicConstraints } from '../extensions/basic-constraints.js';
import { readCertificatePolicies } from '../extensions/certificate-policies.js';
import { readExtendedKeyUsage } from '../extensions/extended-key-usage.js';
import { readKeyUsage, type KeyUsageBit } from '../extensions/key-usage.js';
import { EXTENSION, oidName } from '../extensions/oids.js';
import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';

export interface BasicConstraintsRule {
  ca: boolean;
  /** "absent": no pathLenConstraint; "present": one is required. Ignored for non-CA. */
  pathLength: 'absent' | 'present';
}

/** basicConstraints present and critical, with the profile's cA and pathLenConstraint. */
export function basicConstraints(rule: BasicConstraintsRule, clause: string): CertificateLint {
  return {
    id: 'basic-constraints',
    clause,
    check: (c) => {
      const extension = findExtension(c, EXTENSION.basicConstraints);
      if (!extension) return ['basicConstraints is missing.'];
      const value = readBasicConstraints(extension.value);
      if (!value) return ['basicConstraints is malformed.'];
      const messages = unless(extension.critical, 'basicConstraints must be critical.');
      if (value.ca !== rule.ca) messages.push(rule.ca ? 'basicConstraints does not say cA=TRUE; this profile is a CA.' : 'basicConstraints says cA=TRUE; this profile must not be a CA.');
      if (rule.ca && rule.pathLength === 'absent' && value.pathLength !== undefined) messages.push('basicConstraints has a pathLenConstraint; this profile must not have one.');
      if (rule.ca && rule.pathLength === 'present' && value.pathLength === undefined) messages.push('basicConstraints has no pathLenConstraint; this profile requires one.');
      if (!rule.ca && value.pathLength !== undefined) messages.push('basicConstraints has a pathLenConstraint but is not a CA.');
      return messages;
    },
  };
}

/** keyUsage present and critical, with every required bit and nothing beyond the optional ones. */
export function keyUsage(required: readonly KeyUsageBit[], optional: readonly KeyUsageBit[], clause: string): CertificateLint {
  return {
    id: 'key-usage',
    clause,
    check: (c) => {
      const extension = findExtension(c, EXTENSION.keyUsage);
      if (!extension) return ['keyUsage is missing.'];
      const bits = readKeyUsage(extension.value);
      if (!bits) return ['keyUsage is malformed, empty or not in DER form.'];
      return [
        ...unless(extension.critical, 'keyUsage must be critical.'),
        ...required.filter((b) => !bits.includes(b)).map((b) => `keyUsage lacks ${b}, which this profile requires.`),
        ...bits.filter((b) => !required.includes(b) && !optional.includes(b)).map((b) => `keyUsage has ${b}, which this profile forbids.`),
      ];
    },
  };
}

export interface ExtendedKeyUsageRule {
  /** "forbidden": no extKeyUsage at all; "required"/"optional": whether it must be there. */
  presence: 'forbidden' | 'required' | 'optional';
  /** Purposes that must be listed. */
  required: readonly string[];
  /** Purposes that may be listed besides the required ones; undefined means any except the forbidden. */
  allowed?: readonly string[];
  /** Purposes that must never be listed. */
  forbidden: readonly string[];
}

/** extKeyUsage per the profile: non-critical, required purposes present, forbidden ones absent. */
export function extendedKeyUsage(rule: ExtendedKeyUsageRule, clause: string): CertificateLint {
  return {
    id: 'extended-key-usage',
    clause,
    check: (c) => {
      const extension = findExtension(c, EXTENSION.extKeyUsage);
      if (!extension) return unless(rule.presence !== 'required', 'extKeyUsage is missing; this profile requires it.');
      if (rule.presence === 'forbidden') return ['extKeyUsage is present; this profile forbids it.'];
      const purposes = readExtendedKeyUsage(extension.value);
      if (!purposes) return ['extKeyUsage is malformed or empty.'];
      return [
        ...unless(!extension.critical, 'extKeyUsage must not be critical.'),
        ...unless(new Set(purposes).size === purposes.length, 'extKeyUsage lists a purpose twice.'),
        ...rule.required.filter((p) => !purposes.includes(p)).map((p) => `extKeyUsage lacks ${oidName(p)}, which this profile requires.`),
        ...purposes
          .filter((p) => rule.forbidden.includes(p) || (rule.allowed !== undefined && !rule.required.includes(p) && !rule.allowed.includes(p)))
          .map((p) => `extKeyUsage has ${oidName(p)}, which this profile forbids.`),
      ];
    },
  };
}

/** certificatePolicies: when required, present, non-critical, at least one policy, none twice. */
export function certificatePolicies(presence: 'required' | 'optional', clause: string): CertificateLint {
  return {
    id: 'certificate-policies',
    clause,
    check: (c) => {
      const extension = findExtension(c, EXTENSION.certificatePolicies);
      if (!extension) return unless(presence === 'optional', 'certificatePolicies is missing; this profile requires at least one policy.');
      const policies = readCertificatePolicies(extension.value);
      if (!policies) return ['certificatePolicies is malformed or empty.'];
      const oids = policies.map((p) => p.oid);
      return [...unless(!extension.critical, 'certificatePolicies must not be critical.'), ...unless(new Set(oids).size === oids.length, 'certificatePolicies lists a policy twice.')];
    },
  };
}
