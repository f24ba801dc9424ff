import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportEntry } from '../../../shared/script/kinds/key-export.js';
import { exportFolderFiles } from '../../../main/export/export-description.js';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import type { SecretKeyInfo } from '../../../main/hsm/key-spec.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { fileOf, runExport } from './export-session.js';
import { SoftwareDestination } from './software-destination.js';

// For each format the test is the destination: it holds the transport private
// key in software, undoes the wrap with the openssl CLI, and the key it
// recovers must have the KCV the HSM reports for the exported key.
//
// SoftHSM 2.6 does RSA-OAEP with SHA-1 only ("hashAlg must be CKM_SHA_1"), so
// the formats whose documentation fixes SHA-256 run here as a rehearsal does:
// with SHA-1, recorded as a substitution, the same byte layout otherwise.

let store: TestTokenStore;
let hsm: Hsm;
let session: HsmSession;
let master: SecretKeyInfo;
let d3072: SoftwareDestination;
let d4096: SoftwareDestination;

const MASTER = 'acme-master';

beforeAll(async () => {
  store = createTokenStore(['export-origin']);
  hsm = await Hsm.open();
  session = await hsm.openSession({ label: 'export-origin' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
  master = await session.generateSecretKey({ label: MASTER, type: { kind: 'aes', bits: 256 }, extractable: true });
  d3072 = SoftwareDestination.create(3072);
  d4096 = SoftwareDestination.create(4096);
  d4096.write('ImportToken.bin', randomBytes(1024));
});

afterAll(async () => {
  await session?.logout();
  await session?.close();
  await hsm?.close();
  store?.cleanup();
  d3072?.remove();
  d4096?.remove();
});


describe('another HSM (RSA-OAEP under its transport key)', () => {
  const entry: ExportEntry = { name: 'production-hsm', key: MASTER, format: 'hsm', transportKey: 'transport.pem' };

  it('gives wrapped bytes the destination unwraps with openssl pkeyutl to a key of the same KCV', async () => {
    const run = await runExport(session, entry, d3072.dir, { rehearsal: true });
    const wrapped = fileOf(run.wrapped, 'wrapped-key.bin');
    expect(wrapped.length).toBe(384);
    const recovered = d3072.oaepDecrypt(wrapped, run.transport.oaepHash === 'sha-256' ? 'sha256' : 'sha1');
    expect(recovered.length).toBe(32);
    expect(d3072.kcv(recovered)).toBe(master.kcv);
  });

  it('on SoftHSM, a rehearsal says it wrapped with SHA-1 because the HSM lacks SHA-256 OAEP', async () => {
    const run = await runExport(session, entry, d3072.dir, { rehearsal: true });
    expect(run.transport.oaepHash).toBe('sha-1');
    expect(run.transport.substitution).toMatch(/does not do RSA-OAEP with SHA-256.*real ceremony.*stops/);
    expect(run.wrapped.algorithm).toBe('RSAES-OAEP with SHA-1 and MGF1-SHA-1, empty label');
  });

  it('accepts the transport key as a certificate, PEM or DER, with the same fingerprint', async () => {
    const fromCert = await runExport(session, { ...entry, transportKey: 'transport.crt' }, d3072.dir, { rehearsal: true });
    const fromDer = await runExport(session, { ...entry, transportKey: 'transport.der' }, d3072.dir, { rehearsal: true });
    expect(fromCert.inputs.transport.form).toBe('certificate');
    expect(fromCert.inputs.transport.certificate?.subject).toContain('Destination transport key');
    expect(fromDer.inputs.transport.encoding).toBe('der');
    expect(fromCert.inputs.transport.spkiSha256).toBe(fromDer.inputs.transport.spkiSha256);
    expect(d3072.kcv(d3072.oaepDecrypt(fileOf(fromCert.wrapped, 'wrapped-key.bin'), 'sha1'))).toBe(master.kcv);
  });

  it('leaves no transport key or ephemeral key on the token', async () => {
    await runExport(session, entry, d3072.dir, { rehearsal: true });
    const inventory = await session.inventory();
    expect(inventory.map((o) => o.label)).toEqual([MASTER]);
  });
});

describe('AWS KMS import key material', () => {
  const base = { name: 'aws', key: MASTER, format: 'aws-kms' as const, transportKey: 'transport.der', importToken: 'ImportToken.bin', keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' };

  it('RSAES_OAEP: EncryptedKeyMaterial.bin is the key under RSA-OAEP, the import token beside it unchanged', async () => {
    const run = await runExport(session, { ...base, wrappingAlgorithm: 'RSAES_OAEP_SHA_256' }, d4096.dir, { rehearsal: true });
    const material = fileOf(run.wrapped, 'EncryptedKeyMaterial.bin');
    expect(material.length).toBe(512);
    expect(d4096.kcv(d4096.oaepDecrypt(material, 'sha1'))).toBe(master.kcv);
    expect(Buffer.from(fileOf(run.wrapped, 'ImportToken.bin')).equals(Buffer.from(run.inputs.importToken!))).toBe(true);
    expect(run.wrapped.algorithm).toBe('RSAES_OAEP_SHA_1');
  });

  it('RSA_AES_KEY_WRAP: the OAEP-wrapped ephemeral AES key, then the key under AES-KWP', async () => {
    const run = await runExport(session, { ...base, wrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256' }, d4096.dir, { rehearsal: true });
    const material = fileOf(run.wrapped, 'EncryptedKeyMaterial.bin');
    expect(material.length).toBe(512 + 40);
    expect(d4096.kcv(d4096.unwrapComposite(material, 'sha1', 512))).toBe(master.kcv);
    expect(run.wrapped.algorithm).toBe('RSA_AES_KEY_WRAP_SHA_1');
  });

  it('prints the aws kms import-key-material command for the key id, with the region of an ARN', async () => {
    const arn = 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const run = await runExport(session, { ...base, keyId: arn, wrappingAlgorithm: 'RSAES_OAEP_SHA_256' }, d4096.dir, { rehearsal: true });
    expect(run.wrapped.command).toBe(
      ['aws kms import-key-material', '--region eu-central-1', `--key-id ${arn}`, '--encrypted-key-material fileb://EncryptedKeyMaterial.bin', '--import-token fileb://ImportToken.bin', '--expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE'].join(' \\\n    '),
    );
  });
});

describe('Google Cloud KMS import job', () => {
  const entry: ExportEntry = {
    name: 'gcp',
    key: MASTER,
    format: 'gcp-kms',
    transportKey: 'transport.pem',
    method: 'RSA_OAEP_3072_SHA256_AES_256',
    importJob: 'projects/acme/locations/europe-west3/keyRings/pki/importJobs/master-2027',
    cryptoKey: 'projects/acme/locations/europe-west3/keyRings/pki/cryptoKeys/master',
  };

  it('gives the RSA-OAEP-wrapped AES key followed by the AES-KWP-wrapped key, which unwraps to the same KCV', async () => {
    const run = await runExport(session, entry, d3072.dir, { rehearsal: true });
    const blob = fileOf(run.wrapped, 'wrapped-key.bin');
    expect(blob.length).toBe(384 + 40);
    expect(d3072.kcv(d3072.unwrapComposite(blob, 'sha1', 384))).toBe(master.kcv);
    expect(run.wrapped.algorithm).toBe('RSA_OAEP_3072_SHA1_AES_256');
  });

  it('prints the gcloud kms keys versions import command', async () => {
    const run = await runExport(session, entry, d3072.dir, { rehearsal: true });
    expect(run.wrapped.command).toBe(
      ['gcloud kms keys versions import', '--project acme', '--location europe-west3', '--keyring pki', '--key master', '--import-job master-2027', '--algorithm google-symmetric-encryption', '--wrapped-key-file wrapped-key.bin'].join(' \\\n    '),
    );
  });
});

describe('Azure Managed HSM BYOK', () => {
  const entry: ExportEntry = {
    name: 'azure',
    key: MASTER,
    format: 'azure-byok',
    transportKey: 'transport.pem',
    kid: 'https://acme-hsm.managedhsm.azure.net/keys/byok-kek/0123456789abcdef0123456789abcdef',
    keyName: 'master',
  };

  it('writes the .byok JSON of the specification, whose ciphertext unwraps (OAEP SHA-1 as Azure fixes it, then AES-KWP) to the same KCV, in a real ceremony too', async () => {
    const real = await runExport(session, entry, d3072.dir, { rehearsal: false });
    expect(real.transport.substitution).toBeUndefined();
    const byok = JSON.parse(new TextDecoder().decode(fileOf(real.wrapped, 'master.byok'))) as Record<string, unknown>;
    expect(Object.keys(byok)).toEqual(['schema_version', 'header', 'ciphertext', 'generator']);
    expect(byok.schema_version).toBe('1.0.0');
    expect(byok.header).toEqual({ kid: entry.kid, alg: 'dir', enc: 'CKM_RSA_AES_KEY_WRAP' });
    expect(byok.ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    const blob = new Uint8Array(Buffer.from(byok.ciphertext as string, 'base64url'));
    expect(d3072.kcv(d3072.unwrapComposite(blob, 'sha1', 384))).toBe(master.kcv);
  });

  it('prints the az keyvault key import command for the Managed HSM named in the kid', async () => {
    const run = await runExport(session, entry, d3072.dir, { rehearsal: false });
    expect(run.wrapped.command).toBe(['az keyvault key import', '--hsm-name acme-hsm', '--name master', '--byok-file master.byok', '--kty oct-HSM'].join(' \\\n    '));
  });
});

describe('the export folder', () => {
  it('holds the wrapped files, IMPORT.txt with the command, and export.json naming each file with its SHA-256', async () => {
    const entry: ExportEntry = { name: 'production-hsm', key: MASTER, format: 'hsm', transportKey: 'transport.pem' };
    const run = await runExport(session, entry, d3072.dir, { rehearsal: true });
    const files = exportFolderFiles({ entry, destination: 'another HSM', key: run.key, transport: run.inputs.transport, wrapped: run.wrapped, rehearsal: true, substitution: run.transport.substitution! });
    expect(files.map((f) => f.name)).toEqual(['wrapped-key.bin', 'IMPORT.txt', 'export.json']);
    const description = JSON.parse(new TextDecoder().decode(files[2]!.bytes)) as { format: string; rehearsal: boolean; key: { kcv: string }; transportKey: { spkiSha256: string }; files: { name: string; sha256: string }[] };
    expect(description.format).toBe('conclave-export/1');
    expect(description.rehearsal).toBe(true);
    expect(description.key.kcv).toBe(master.kcv);
    expect(description.transportKey.spkiSha256).toBe(run.inputs.transport.spkiSha256);
    expect(description.files[0]!.sha256).toBe(createHash('sha256').update(files[0]!.bytes).digest('hex'));
    const instructions = new TextDecoder().decode(files[1]!.bytes);
    expect(instructions).toMatch(/^REHEARSAL/);
    expect(instructions).toContain(`KCV ${master.kcv}`);
    expect(instructions).toContain('CKM_RSA_PKCS_OAEP');
  });
});
