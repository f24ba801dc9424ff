/**
 * root-key-generation: the root and master keys are born on the HSM, backed
 * up under a KEK split among custodians, the root self-signs, the audit key
 * and subordinates are certified, and a first CRL is signed.
 */
import { z } from 'zod';
import { backupSchema } from '../backup.js';
import { certificateSchema } from '../certificates.js';
import { commonShape } from '../common.js';
import { crlSchema } from '../crls.js';
import { isKeyPairType, keysSchema } from '../keys.js';
import { checkCustodianNames, checkEveryCustodianTakesPart } from '../participants.js';
import { whenValid } from '../when-valid.js';
import { checkCrlIssuers, checkUniqueNames } from './shared-checks.js';

const rootKeyGenerationFields = z.strictObject({
  ...commonShape('root-key-generation'),
  keys: keysSchema,
  backup: backupSchema,
  certificates: z.array(certificateSchema).min(2, 'needs at least the root-ca and the audit certificate'),
  crls: z.array(crlSchema).default([]),
});

export type RootKeyGenerationScript = z.output<typeof rootKeyGenerationFields>;

export const rootKeyGenerationSchema = rootKeyGenerationFields
  .superRefine((s, ctx) => {
    checkCustodianNames(s.participants, s.backup.custodians, ['backup', 'custodians'], ctx);
    checkEveryCustodianTakesPart(s.participants, new Set(s.backup.custodians), 'backup.custodians', ctx);
  }, whenValid('participants', 'backup'))
  .superRefine((s, ctx) => {
    if (!s.keys.some((k) => k.backup)) {
      ctx.addIssue({ code: 'custom', path: ['keys'], message: 'no key has backup: true: mark at least the root key for backup, or the custodians would guard nothing' });
    }
    if (!s.keys.some((k) => isKeyPairType(k.type))) {
      ctx.addIssue({ code: 'custom', path: ['keys'], message: 'no key pair: a root ceremony generates at least the root signing key (EC or RSA)' });
    }
  }, whenValid('keys'))
  .superRefine(checkCertificateKeys, whenValid('keys', 'certificates'))
  .superRefine((s, ctx) => {
    checkUniqueNames(s.certificates, 'certificates', 'certificate', ctx);
    checkUniqueNames(s.crls, 'crls', 'CRL', ctx);
    const root = s.certificates.find((c) => c.profile === 'root-ca');
    const issuers = root ? [root.name] : [];
    checkCrlIssuers(s.crls, issuers, 'the root-ca certificate', ctx);
    s.crls.forEach((crl, i) => {
      if (crl.previous !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['crls', i, 'previous'], message: 'a root ceremony signs the first CRL: there is no previous one; remove previous' });
      }
    });
  }, whenValid('certificates', 'crls'));

/**
 * Exactly one root-ca and one audit certificate; every certificate's key is a
 * declared key pair, each key certified at most once.
 */
function checkCertificateKeys(s: RootKeyGenerationScript, ctx: z.core.$RefinementCtx): void {
  for (const profile of ['root-ca', 'audit'] as const) {
    const found = s.certificates.flatMap((c, i) => (c.profile === profile ? [i] : []));
    const role = profile === 'root-ca' ? 'the self-signed root' : 'the certificate of the key that seals the transcript';
    if (found.length === 0) ctx.addIssue({ code: 'custom', path: ['certificates'], message: `no ${profile} certificate: a root ceremony makes exactly one (${role})` });
    for (const i of found.slice(1)) ctx.addIssue({ code: 'custom', path: ['certificates', i, 'profile'], message: `a second ${profile} certificate: a root ceremony makes exactly one (${role})` });
  }
  const certifiedBy = new Map<string, string>();
  s.certificates.forEach((c, i) => {
    if (c.key === undefined) return;
    const key = s.keys.find((k) => k.name === c.key);
    if (key === undefined) {
      const names = s.keys.map((k) => k.name).join(', ');
      ctx.addIssue({ code: 'custom', path: ['certificates', i, 'key'], message: `no key named "${c.key}" under keys (declared: ${names})` });
    } else if (!isKeyPairType(key.type)) {
      ctx.addIssue({ code: 'custom', path: ['certificates', i, 'key'], message: `"${c.key}" is an ${key.type} secret key: only a key pair can be certified` });
    } else if (certifiedBy.has(c.key)) {
      ctx.addIssue({ code: 'custom', path: ['certificates', i, 'key'], message: `the key "${c.key}" is already certified by "${certifiedBy.get(c.key)}": each key gets one certificate (the audit key must not be the root key)` });
    } else {
      certifiedBy.set(c.key, c.name);
    }
  });
}
