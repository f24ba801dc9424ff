import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateCeremonyScript, type SchemaIssue } from '../../../shared/script/ceremony-script.js';

// The schema's own checks, on plain data as a form in the app would hand it
// over: each names the field at fault and what is expected instead.

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const root = parse(readFileSync(join(import.meta.dirname, '../../vectors/script/valid-root.yaml'), 'utf8')) as Data;
const example = (kind: string) => parse(readFileSync(join(import.meta.dirname, `../../../examples/${kind}.yaml`), 'utf8')) as Data;

function issuesOf(data: Data): SchemaIssue[] {
  const result = validateCeremonyScript(data);
  if (result.ok) throw new Error('the script was accepted');
  return result.issues;
}

/** The one issue of `data`, as "path: message". */
function only(data: Data): string {
  const issues = issuesOf(data);
  expect(issues.map((i) => i.path.join('.'))).toHaveLength(1);
  return `${issues[0]!.path.join('.')}: ${issues[0]!.message}`;
}

function changed(base: Data, edit: (d: Data) => void): Data {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

describe('script header', () => {
  it('applies the defaults a script may leave out', () => {
    const result = validateCeremonyScript(root);
    if (!result.ok || result.script.kind !== 'root-key-generation') throw new Error('base script refused');
    expect(result.script.options).toEqual({ airGap: 'required' });
    expect(result.script.instructions).toEqual({});
    expect(result.script.backup).toMatchObject({ usbCopies: 1, sealedShareFiles: false, cardsInBundle: false });
    expect(result.script.keys.find((k) => k.name === 'audit')).toMatchObject({ backup: false, exportable: false });
    expect(result.script.crls[0]?.revoked).toEqual([]);
  });

  it('refuses another version', () => {
    expect(only(changed(root, (d) => (d.version = 2)))).toBe('version: this Conclave reads script version 1; found 2');
  });

  it('refuses a script without a kind', () => {
    expect(only(changed(root, (d) => delete d.kind))).toMatch(/^kind: missing kind: expected one of root-key-generation/);
  });

  it('refuses a ceremony id with spaces', () => {
    expect(only(changed(root, (d) => (d.id = 'my root')))).toMatch(/^id: expected an id of 3 to 64 lowercase letters/);
  });

  it('names an unknown field and the likely one meant', () => {
    expect(only(changed(root, (d) => (d.hsm.tokn = 'x')))).toMatch(/^hsm: unknown field "tokn" \(did you mean "token"\?\)/);
  });

  it('refuses an airGap other than required or warn', () => {
    expect(only(changed(root, (d) => (d.options = { airGap: 'off' })))).toBe('options.airGap: expected required or warn');
  });
});

describe('participants', () => {
  it('need exactly one administrator', () => {
    const two = issuesOf(changed(root, (d) => (d.participants[2].role = 'administrator')));
    expect(two.map((i) => `${i.path.join('.')}: ${i.message}`)).toContainEqual(expect.stringMatching(/^participants.2.role: a second administrator/));
    const none = issuesOf(changed(root, (d) => (d.participants[0].role = 'witness')));
    expect(none.map((i) => i.message)).toContainEqual(expect.stringMatching(/^no administrator/));
  });

  it('need at least one witness', () => {
    expect(only(changed(root, (d) => (d.participants[1].role = 'auditor')))).toMatch(/^participants: no witness/);
  });

  it('need distinct names', () => {
    const issues = issuesOf(changed(root, (d) => d.participants.push({ name: 'Wes', role: 'auditor' })));
    expect(issues[0]).toMatchObject({ path: ['participants', 5, 'name'] });
    expect(issues[0]!.message).toContain('"Wes" is listed twice');
  });

  it('refuses an unknown role', () => {
    expect(only(changed(root, (d) => (d.participants[1].role = 'observer')))).toBe('participants.1.role: unknown role "observer": expected one of administrator, witness, custodian, auditor');
  });
});

describe('keys', () => {
  it('refuses RSA 2048 unless allowRsa2048 says it is meant', () => {
    expect(only(changed(root, (d) => (d.keys[0].type = 'RSA 2048')))).toMatch(/^keys.0.type: RSA 2048 is below the 3072 bits/);
    expect(validateCeremonyScript(changed(root, (d) => Object.assign(d.keys[0], { type: 'RSA 2048', allowRsa2048: true }))).ok).toBe(true);
  });

  it('accepts each curve and size the HSM layer offers', () => {
    for (const type of ['EC P-256', 'EC P-384', 'EC P-521', 'RSA 3072', 'RSA 4096']) {
      expect(validateCeremonyScript(changed(root, (d) => (d.keys[0].type = type))).ok, type).toBe(true);
    }
  });

  it('refuses a key type it does not know', () => {
    expect(only(changed(root, (d) => (d.keys[0].type = 'EC P-192')))).toMatch(/^keys.0.type: unknown key type "EC P-192": expected one of EC P-256/);
  });

  it('refuses two keys with one label', () => {
    expect(only(changed(root, (d) => (d.keys[1].label = 'test-root')))).toMatch(/^keys.1.label: the label "test-root" is used twice/);
  });

  it('refuses two keys with one name', () => {
    const issues = issuesOf(changed(root, (d) => (d.keys[1].name = 'root')));
    expect(issues.map((i) => i.path.join('.'))).toContain('keys.1.name');
  });

  it('lets only a secret key be exportable', () => {
    expect(only(changed(root, (d) => (d.keys[0].exportable = true)))).toMatch(/^keys.0.exportable: only a secret key \(AES-256\) can be exported/);
  });

  it('needs at least one key marked for backup', () => {
    expect(only(changed(root, (d) => (d.keys[0].backup = false)))).toMatch(/^keys: no key has backup: true/);
  });
});

describe('backup', () => {
  it('refuses a threshold of 1: one custodian alone must not rebuild the KEK', () => {
    expect(only(changed(root, (d) => (d.backup.threshold = 1)))).toMatch(/^backup.threshold: a threshold below 2/);
  });

  it('accepts a threshold equal to the number of custodians', () => {
    expect(validateCeremonyScript(changed(root, (d) => (d.backup.threshold = 3))).ok).toBe(true);
  });

  it('refuses more than 255 custodians (the Shamir limit)', () => {
    const issues = issuesOf(changed(root, (d) => (d.backup.custodians = Array.from({ length: 256 }, (_, i) => `C${i}`))));
    expect(issues.map((i) => i.message)).toContain('at most 255 custodians (the Shamir split\'s limit)');
  });

  it('refuses a custodian named twice', () => {
    const issues = issuesOf(changed(root, (d) => (d.backup.custodians = ['Cy', 'Di', 'Ed', 'Di'])));
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain('backup.custodians.3: the custodian "Di" appears twice');
  });

  it('refuses a custodian whose role is not custodian', () => {
    const issues = issuesOf(changed(root, (d) => (d.backup.custodians[2] = 'Wes')));
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'backup.custodians.2: "Wes" is a participant with role witness, not custodian: only a custodian may hold a share',
      'participants.4.name: "Ed" is a custodian but is not named in backup.custodians: add them there, or give them another role',
    ]);
  });

  it('refuses a custodian participant who receives no share', () => {
    const issues = issuesOf(changed(root, (d) => d.participants.push({ name: 'Fay', role: 'custodian' })));
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['participants.5.name: "Fay" is a custodian but is not named in backup.custodians: add them there, or give them another role']);
  });

  it('suggests the participant a misspelt custodian name is close to', () => {
    const issues = issuesOf(changed(root, (d) => (d.backup.custodians[2] = 'Edd')));
    expect(issues[0]!.message).toContain('(did you mean "Ed"?)');
  });
});

describe('certificates', () => {
  it('name a declared key', () => {
    expect(only(changed(root, (d) => (d.certificates[0].key = 'rooot')))).toBe('certificates.0.key: no key named "rooot" under keys (declared: root, audit)');
  });

  it('certify only key pairs', () => {
    const data = changed(root, (d) => {
      d.keys.push({ name: 'master', label: 'test-master', type: 'AES-256', backup: true });
      d.certificates[1].key = 'master';
    });
    expect(issuesOf(data).map((i) => i.message)).toContain('"master" is an AES-256 secret key: only a key pair can be certified');
  });

  it('refuse the root key as the audit key', () => {
    expect(only(changed(root, (d) => (d.certificates[1].key = 'root')))).toMatch(/^certificates.1.key: the key "root" is already certified by "root"/);
  });

  it('need exactly one root-ca in a root ceremony', () => {
    const csr = issuesOf(changed(root, (d) => (d.certificates[2].profile = 'root-ca'))).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(csr).toContainEqual(expect.stringMatching(/^certificates.2.csr: a root-ca certificate is made only in a root-key-generation ceremony, for a key generated there/));
    const two = changed(root, (d) => d.certificates.push({ ...structuredClone(d.certificates[0]), name: 'root2', key: 'audit' }));
    expect(issuesOf(two).map((i) => i.path.join('.'))).toContain('certificates.3.profile');
  });

  it('need an audit certificate in a root ceremony', () => {
    const data = changed(root, (d) => d.certificates.splice(1, 1));
    expect(issuesOf(data).map((i) => i.message)).toContainEqual(expect.stringMatching(/^no audit certificate/));
  });

  it('give key or csr, not both', () => {
    expect(only(changed(root, (d) => (d.certificates[2].key = 'audit')))).toMatch(/^certificates.2.csr: give either key .* or csr/);
  });

  it('refuse a root valid for more than 9132 days, or fewer than 2922 (BR §7.1.2.1.1)', () => {
    expect(only(changed(root, (d) => (d.certificates[0].validity = { days: 9133 })))).toMatch(/^certificates.0.validity: a root-ca certificate is valid for at most 9132 days/);
    expect(only(changed(root, (d) => (d.certificates[0].validity = { days: 2921 })))).toMatch(/^certificates.0.validity: a root certificate is valid for at least 2922 days .*; this one is 2921/);
  });

  it('hold each profile to the longest validity its signing allows', () => {
    expect(only(changed(root, (d) => (d.certificates[2].validity = { days: 2923 })))).toMatch(/^certificates.2.validity: a subordinate-ca certificate is valid for at most 2922 days/);
    expect(only(changed(root, (d) => (d.certificates[1].validity = { days: 3654 })))).toMatch(/^certificates.1.validity: an audit certificate is valid for at most 3653 days/);
  });

  it('refuse pathLen on a root (BR §7.1.2.1.4)', () => {
    expect(only(changed(root, (d) => (d.certificates[0].pathLen = 1)))).toMatch(/^certificates.0.pathLen: a root-ca certificate takes no pathLen/);
  });

  it('want a TLS subordinate to say where its issuer is published (caIssuers)', () => {
    const tls = (d: Data) => Object.assign(d.certificates[2], { profile: 'tls-subordinate-ca', policies: ['2.23.140.1.2.2'] });
    expect(only(changed(root, tls))).toMatch(/^certificates.2: missing issuerUrls: a tls-subordinate-ca certificate says where its issuer's certificate is published/);
  });

  it('want the subject of a root and a TLS subordinate in BR order (BR §7.1.4.2)', () => {
    const cnBeforeO = (subject: Data[]) => subject.splice(1, 2, subject[2]!, subject[1]!);
    expect(only(changed(root, (d) => cnBeforeO(d.certificates[0].subject)))).toMatch(/^certificates.0.subject.2: O comes too late: a root-ca subject lists its attributes in the order DC, C, ST, L, postalCode, street, O, OU, CN/);
    // A private subordinate-ca is not held to it (main/pki/profiles/subordinate-ca.ts).
    expect(validateCeremonyScript(changed(root, (d) => cnBeforeO(d.certificates[2].subject))).ok).toBe(true);
  });

  it('take exactly one of notAfter and days', () => {
    expect(only(changed(root, (d) => (d.certificates[0].validity = { notBefore: '2026-01-01T00:00:00Z' })))).toMatch(/^certificates.0.validity: give exactly one of notAfter/);
    expect(only(changed(root, (d) => (d.certificates[0].validity = { notBefore: '2026-01-01T00:00:00Z', notAfter: '2025-01-01T00:00:00Z' })))).toMatch(/^certificates.0.validity.notAfter: notAfter .* is not after notBefore/);
  });

  it('want UTC times with Z', () => {
    expect(only(changed(root, (d) => (d.certificates[0].validity = { notAfter: '2030-01-01' })))).toBe('certificates.0.validity.notAfter: expected a UTC date and time like 2026-11-29T18:00:00Z');
  });

  it('refuse URLs and policies on a root', () => {
    const issues = issuesOf(changed(root, (d) => Object.assign(d.certificates[0], { crlUrls: ['http://x.example/a.crl'], policies: ['2.5.29.32.0'] })));
    expect(issues.map((i) => i.path.join('.'))).toEqual(['certificates.0.crlUrls', 'certificates.0.policies']);
  });

  it('need crlUrls and policies on a subordinate CA', () => {
    const issues = issuesOf(changed(root, (d) => { delete d.certificates[2].crlUrls; delete d.certificates[2].policies; }));
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^missing crlUrls/),
      expect.stringMatching(/^missing policies/),
    ]);
  });

  it('need a CA/Browser Forum policy on a TLS subordinate', () => {
    const issuerUrls = ['http://pki.example.com/root.cer'];
    expect(only(changed(root, (d) => Object.assign(d.certificates[2], { profile: 'tls-subordinate-ca', issuerUrls })))).toMatch(/^certificates.2.policies: a TLS subordinate needs one of the CA\/Browser Forum policies/);
    expect(validateCeremonyScript(changed(root, (d) => Object.assign(d.certificates[2], { profile: 'tls-subordinate-ca', policies: ['2.23.140.1.2.2'], issuerUrls }))).ok).toBe(true);
  });

  it('want only http:// URLs', () => {
    expect(only(changed(root, (d) => (d.certificates[2].crlUrls = ['https://pki.example.com/root.crl'])))).toMatch(/^certificates.2.crlUrls.0: expected a plain http:\/\/ URL/);
  });

  it('need C, O and CN in a CA subject, and no OU', () => {
    const issues = issuesOf(changed(root, (d) => (d.certificates[0].subject = [{ OU: 'PKI' }, { CN: 'Test Root' }])));
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'certificates.0.subject: a CA certificate\'s subject needs a C line (BR §7.1.2.10.2)',
      'certificates.0.subject: a CA certificate\'s subject needs a O line (BR §7.1.2.10.2)',
      'certificates.0.subject.0: a CA certificate\'s subject must not hold OU (BR §7.1.2.10.2): remove this line',
    ]);
  });

  it('hold one attribute per subject line, from the known set', () => {
    expect(only(changed(root, (d) => (d.certificates[1].subject = [{ CN: 'A', O: 'B' }])))).toMatch(/^certificates.1.subject.0: each subject line holds exactly one attribute/);
    expect(only(changed(root, (d) => (d.certificates[1].subject = [{ CN: 'A' }, { EMAIL: 'x@example.com' }])))).toMatch(/^certificates.1.subject.1: unknown subject attribute "EMAIL"/);
  });

  it('want a two-letter country code', () => {
    expect(only(changed(root, (d) => (d.certificates[0].subject[0] = { C: 'Germany' })))).toMatch(/^certificates.0.subject.0.C: expected a two-letter country code/);
  });

  it('refuse pathLen on the audit certificate', () => {
    expect(only(changed(root, (d) => (d.certificates[1].pathLen = 0)))).toMatch(/^certificates.1.pathLen: an audit certificate takes no pathLen/);
  });

  it('have distinct names', () => {
    expect(only(changed(root, (d) => (d.certificates[2].name = 'audit')))).toMatch(/^certificates.2.name: the certificate name "audit" is used twice/);
  });
});

describe('CRLs', () => {
  it('are signed by the root-ca certificate in a root ceremony', () => {
    expect(only(changed(root, (d) => (d.crls[0].issuer = 'sub')))).toMatch(/^crls.0.issuer: "sub" cannot sign a CRL here: the issuer is the root-ca certificate \("root"\)/);
  });

  it('have nextUpdate at most 365 days ahead', () => {
    expect(only(changed(root, (d) => (d.crls[0].nextUpdateDays = 400)))).toMatch(/^crls.0.nextUpdateDays: at most 365 days \(BR §4.9.7/);
  });

  it('refuse certificateHold, and a serial listed twice', () => {
    const entry = { serial: '0a:0b', reason: 'certificateHold', date: '2026-01-01T00:00:00Z' };
    expect(only(changed(root, (d) => (d.crls[0].revoked = [entry])))).toMatch(/^crls.0.revoked.0.reason: unknown reason "certificateHold"/);
    const twice = changed(root, (d) => (d.crls[0].revoked = [{ ...entry, reason: 'superseded' }, { ...entry, serial: '0A0B', reason: 'keyCompromise' }]));
    expect(only(twice)).toBe('crls.0.revoked.1.serial: serial 0a0b is listed twice');
  });

  it('want a serial as quoted hex, not a YAML number', () => {
    expect(only(changed(root, (d) => (d.crls[0].revoked = [{ serial: 1234, reason: 'superseded', date: '2026-01-01T00:00:00Z' }])))).toBe('crls.0.revoked.0.serial: expected the serial number as hex text in quotes, e.g. "3a:5f:09"');
  });

  it('have no previous CRL in a root ceremony', () => {
    expect(only(changed(root, (d) => (d.crls[0].previous = 'root')))).toMatch(/^crls.0.previous: a root ceremony signs the first CRL/);
  });
});

describe('later ceremonies', () => {
  it('subordinate-signing signs only subordinates, from CSRs', () => {
    const audit = changed(example('subordinate-signing'), (d) => (d.certificates[0].profile = 'audit'));
    expect(issuesOf(audit).map((i) => i.message)).toContainEqual(expect.stringMatching(/^an audit certificate is made only in a root-key-generation ceremony/));
    const keyed = changed(example('subordinate-signing'), (d) => {
      delete d.certificates[0].csr;
      d.certificates[0].key = 'issuing';
    });
    expect(only(keyed)).toMatch(/^certificates.0.key: this ceremony generates no keys: a subordinate is signed from its request/);
  });

  it('subordinate-signing does not overwrite the issuer\'s certificate file', () => {
    expect(only(changed(example('subordinate-signing'), (d) => (d.certificates[0].name = 'root')))).toMatch(/^certificates.0.name: "root" is already the name of a certificate this ceremony uses/);
  });

  it('crl-signing CRLs are signed by the issuer', () => {
    expect(only(changed(example('crl-signing'), (d) => (d.crls[0].issuer = 'other')))).toMatch(/^crls.0.issuer: "other" cannot sign a CRL here/);
  });

  it('key-recovery restores the seal key with the others', () => {
    expect(only(changed(example('key-recovery'), (d) => d.recovery.restore.pop()))).toMatch(/^seal.key: the seal key "acme-example-audit-2026" is not in recovery.restore/);
  });

  it('key-recovery takes shares only from custodians', () => {
    const issues = issuesOf(changed(example('key-recovery'), (d) => (d.recovery.custodians[0] = 'Walter White')));
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContainEqual(expect.stringMatching(/^recovery.custodians.0: "Walter White" is a participant with role witness/));
  });

  it('custodian-rotation wants every custodian to bring an old share or receive a new one', () => {
    const data = changed(example('custodian-rotation'), (d) => d.participants.push({ name: 'Kim Kang', role: 'custodian' }));
    expect(only(data)).toMatch(/^participants.8.name: "Kim Kang" is a custodian but is not named in rotation.quorum or backup.custodians/);
  });

  it('key-destruction does not destroy the key that seals its own transcript', () => {
    expect(only(changed(example('key-destruction'), (d) => (d.destroy[0].label = 'acme-example-audit-2026')))).toMatch(/^destroy.0.label: "acme-example-audit-2026" is the seal key/);
  });

  it('key-destruction identifies a secret key by KCV, not SPKI', () => {
    expect(only(changed(example('key-destruction'), (d) => (d.destroy[0].spkiSha256 = 'ab'.repeat(32))))).toMatch(/^destroy.0.spkiSha256: a secret key has no public key/);
  });

  it('key-destruction wants a KCV as quoted hex, not a YAML number', () => {
    expect(only(changed(example('key-destruction'), (d) => (d.destroy[0].kcv = 123456)))).toBe('destroy.0.kcv: expected the key check value as hex text in quotes, e.g. "1a2b3c"');
  });

  it('key-export names an unknown format and the formats there are', () => {
    expect(only(changed(example('key-export'), (d) => (d.exports[0].format = 'pkcs12')))).toBe('exports.0.format: unknown format "pkcs12": expected one of hsm, aws-kms, gcp-kms, azure-byok');
  });

  it('key-export to AWS needs the import token', () => {
    expect(only(changed(example('key-export'), (d) => delete d.exports[1].importToken))).toBe('exports.1.importToken: missing: expected text');
  });
});
