import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportEntry } from '../../../shared/script/kinds/key-export.js';
import { ExportError, type ExportErrorCode } from '../../../main/export/export-error.js';
import { readExportInputs } from '../../../main/export/export-key.js';
import { Hsm } from '../../../main/hsm/hsm.js';
import { HsmError, type HsmErrorCode } from '../../../main/hsm/hsm-error.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import { wrapWithRsaOaep } from '../../../main/hsm/rsa-wrap.js';
import { importTransportKey } from '../../../main/hsm/transport-public-key.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { runExport } from './export-session.js';
import { SoftwareDestination } from './software-destination.js';

// Each bad input is refused with an error that names the file and says what
// to do, before the HSM wraps anything (the step writes only after a wrap).

let store: TestTokenStore;
let hsm: Hsm;
let session: HsmSession;
let destination: SoftwareDestination;
let masterKcv: string;

beforeAll(async () => {
  store = createTokenStore(['export-refusals']);
  hsm = await Hsm.open();
  session = await hsm.openSession({ label: 'export-refusals' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
  masterKcv = (await session.generateSecretKey({ label: 'master', type: { kind: 'aes', bits: 256 }, extractable: true })).kcv;
  await session.generateSecretKey({ label: 'kept-inside', type: { kind: 'aes', bits: 256 }, extractable: false });
  destination = SoftwareDestination.create(3072);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', destination.path('rsa1024.key'));
  openssl('pkey', '-in', destination.path('rsa1024.key'), '-pubout', '-out', destination.path('rsa1024.pem'));
  openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', destination.path('ec.key'));
  openssl('pkey', '-in', destination.path('ec.key'), '-pubout', '-out', destination.path('ec.pem'));
  openssl('req', '-x509', '-new', '-key', destination.path('ec.key'), '-subj', '/CN=EC transport', '-days', '30', '-out', destination.path('ec.crt'));
  destination.write('garbage.pem', 'not a key at all\n');
  destination.write('ImportToken.bin', randomBytes(1024));
});

afterAll(async () => {
  await session?.logout();
  await session?.close();
  await hsm?.close();
  store?.cleanup();
  destination?.remove();
});

const hsmEntry = (transportKey: string, more: Partial<Extract<ExportEntry, { format: 'hsm' }>> = {}): ExportEntry => ({ name: 'out', key: 'master', format: 'hsm', transportKey, ...more });
const awsEntry = (importToken: string): ExportEntry => ({ name: 'aws', key: 'master', format: 'aws-kms', transportKey: 'transport.pem', importToken, wrappingAlgorithm: 'RSAES_OAEP_SHA_256', keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' });

async function refusal(promise: Promise<unknown>): Promise<ExportError | HsmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error instanceof ExportError || error instanceof HsmError).toBe(true);
  return error as ExportError | HsmError;
}

const inputsOf = (entry: ExportEntry) => readExportInputs(entry, (p) => destination.path(p));

async function expectRefused(entry: ExportEntry, code: ExportErrorCode | HsmErrorCode, message: RegExp): Promise<void> {
  const error = await refusal(runExport(session, entry, destination.dir, { rehearsal: true }));
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect((await session.inventory()).map((o) => o.label).sort()).toEqual(['kept-inside', 'master']);
}

describe('the transport key', () => {
  it('refuses RSA below 2048 bits', async () => {
    await expectRefused(hsmEntry('rsa1024.pem'), 'TRANSPORT_KEY_SIZE', /rsa1024\.pem is RSA-1024: too small.*at least 2048 bits/);
  });

  it('refuses an EC public key: wrapping needs RSA', async () => {
    await expectRefused(hsmEntry('ec.pem'), 'TRANSPORT_KEY_NOT_RSA', /ec\.pem is an EC prime256v1 key: wrapping for export needs an RSA key/);
  });

  it('refuses a certificate whose key is EC', async () => {
    await expectRefused(hsmEntry('ec.crt'), 'TRANSPORT_KEY_NOT_RSA', /needs an RSA key/);
  });

  it('refuses a private key given as the transport key, and says to take it out of the room', async () => {
    await expectRefused(hsmEntry('transport.key'), 'TRANSPORT_KEY_INVALID', /transport\.key holds a PRIVATE key.*Take this file out of the ceremony/);
  });

  it('refuses a file that is neither PEM nor DER', async () => {
    await expectRefused(hsmEntry('garbage.pem'), 'TRANSPORT_KEY_INVALID', /garbage\.pem is neither PEM nor DER/);
  });

  it('refuses a Google import job key of another size than the method names', async () => {
    const entry: ExportEntry = { name: 'gcp', key: 'master', format: 'gcp-kms', transportKey: 'transport.pem', method: 'RSA_OAEP_4096_SHA256_AES_256', importJob: 'projects/a/locations/l/keyRings/r/importJobs/j', cryptoKey: 'projects/a/locations/l/keyRings/r/cryptoKeys/k' };
    await expectRefused(entry, 'TRANSPORT_KEY_SIZE', /RSA-3072, but the method RSA_OAEP_4096_SHA256_AES_256 names a 4096-bit import job/);
  });

  it('is checked again by the HSM layer, which will not import an RSA-1024 key to wrap under', async () => {
    const spki = execFileSync('openssl', ['pkey', '-pubin', '-in', destination.path('rsa1024.pem'), '-outform', 'DER']);
    const error = await refusal(importTransportKey(session, new Uint8Array(spki)));
    expect(error.code).toBe('KEY_INVALID');
  });
});

describe('the AWS import token', () => {
  it('refuses an empty file', async () => {
    destination.write('empty.bin', '');
    await expectRefused(awsEntry('empty.bin'), 'IMPORT_TOKEN_INVALID', /empty\.bin is empty.*base64 --decode > ImportToken\.bin/);
  });

  it('refuses a token still in base64', async () => {
    destination.write('token.b64', `${randomBytes(1024).toString('base64')}\n`);
    await expectRefused(awsEntry('token.b64'), 'IMPORT_TOKEN_INVALID', /token\.b64 is still base64 text/);
  });

  it('refuses the whole JSON answer of get-parameters-for-import', async () => {
    destination.write('params.json', JSON.stringify({ KeyId: 'arn:…', ImportToken: randomBytes(64).toString('base64'), PublicKey: 'MII…', ParametersValidTo: '2027-01-01T00:00:00Z' }, null, 4));
    await expectRefused(awsEntry('params.json'), 'IMPORT_TOKEN_INVALID', /whole JSON answer of get-parameters-for-import/);
  });

  it('refuses the wrapping public key given in place of the token', async () => {
    await expectRefused(awsEntry('transport.der'), 'IMPORT_TOKEN_INVALID', /transport\.der is a key, not the import token/);
  });

  it('refuses a file longer than any token AWS issues', async () => {
    destination.write('huge.bin', randomBytes(7000));
    await expectRefused(awsEntry('huge.bin'), 'IMPORT_TOKEN_INVALID', /7000 bytes; AWS issues tokens of at most 6144/);
  });

  it('accepts opaque token bytes and passes them through unchanged', async () => {
    const inputs = await inputsOf(awsEntry('ImportToken.bin'));
    expect(Buffer.from(inputs.importToken!).equals(readFileSync(destination.path('ImportToken.bin')))).toBe(true);
  });
});

describe('the key', () => {
  it('refuses a key that was not made extractable, naming it', async () => {
    await expectRefused({ ...hsmEntry('transport.pem'), key: 'kept-inside' }, 'KEY_UNEXTRACTABLE', /Key "kept-inside" .*was not made extractable.*cannot be exported/);
  });

  it('is refused by the HSM layer too, if asked to wrap a non-extractable key directly', async () => {
    const transport = await importTransportKey(session, new Uint8Array(readFileSync(destination.path('transport.der'))));
    const error = await refusal(wrapWithRsaOaep(session, transport, 'kept-inside', 'sha-1'));
    expect(error.code).toBe('KEY_UNEXTRACTABLE');
    await session.onSession({ action: 'cleaning up' }, (s) => s.destroy(transport.object));
  });

  it('refuses a key whose KCV is not the one the script names', async () => {
    await expectRefused(hsmEntry('transport.pem', { kcv: masterKcv === '000000' ? '111111' : '000000' }), 'KEY_MISMATCH', new RegExp(`has KCV ${masterKcv}, but the script says`));
  });

  it('refuses a label that is not on the token', async () => {
    await expectRefused({ ...hsmEntry('transport.pem'), key: 'missing' }, 'KEY_NOT_FOUND', /No secret key labelled "missing"/);
  });
});

describe('the destination', () => {
  it('refuses an Azure Key Vault (not Managed HSM) key exchange key: AES keys go by BYOK into Managed HSM only', async () => {
    const entry: ExportEntry = { name: 'azure', key: 'master', format: 'azure-byok', transportKey: 'transport.pem', kid: 'https://acme.vault.azure.net/keys/kek/0123', keyName: 'master' };
    await expectRefused(entry, 'DESTINATION_INVALID', /acme\.vault\.azure\.net, not in a Managed HSM/);
  });

  it('refuses a Google import job in another key ring than the key', async () => {
    const entry: ExportEntry = { name: 'gcp', key: 'master', format: 'gcp-kms', transportKey: 'transport.pem', method: 'RSA_OAEP_3072_SHA256_AES_256', importJob: 'projects/a/locations/l/keyRings/other/importJobs/j', cryptoKey: 'projects/a/locations/l/keyRings/r/cryptoKeys/k' };
    await expectRefused(entry, 'DESTINATION_INVALID', /different key rings/);
  });
});

describe('an HSM without RSA-OAEP SHA-256 in a real ceremony', () => {
  it('stops before wrapping, says so, and leaves no object behind (SoftHSM 2.6 does SHA-1 only)', async () => {
    const error = await refusal(runExport(session, hsmEntry('transport.pem'), destination.dir, { rehearsal: false }));
    expect(error.code).toBe('MECHANISM_UNSUPPORTED');
    expect(error.message).toMatch(/refuses RSA-OAEP with SHA-256 and MGF1-SHA-256.*Nothing was wrapped/);
    expect((await session.inventory()).map((o) => o.label).sort()).toEqual(['kept-inside', 'master']);
  });
});
