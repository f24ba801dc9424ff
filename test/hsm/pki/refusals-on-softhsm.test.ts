import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import { extendedKeyUsageExtension } from '../../../main/pki/extensions/extended-key-usage.js';
import { KEY_PURPOSE } from '../../../main/pki/extensions/oids.js';
import { signPreparedCertificate } from '../../../main/pki/issued-certificate.js';
import { issueRootCertificate, prepareRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { LintFailedError } from '../../../main/pki/pki-error.js';
import { SerialNumberAllocator } from '../../../main/pki/serial-numbers.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { ROOT_SUBJECT, recordingSigner } from '../../unit/pki/helpers/fixtures.js';

let store: TestTokenStore;
let hsm: Hsm;
let session: HsmSession;

beforeAll(async () => {
  store = createTokenStore(['pki-refusals']);
  hsm = await Hsm.open();
  session = await hsm.openSession({ label: 'pki-refusals' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
  await session.generateKeyPair({ label: 'root', type: { kind: 'ec', curve: 'P-384' }, extractable: false });
  await session.generateKeyPair({ label: 'other', type: { kind: 'ec', curve: 'P-384' }, extractable: false });
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
});

describe('with the key in SoftHSM, the HSM is never asked to sign what the profile refuses', () => {
  const request = async (signerLabel = 'root') => ({
    signer: recordingSigner(await session.signer(signerLabel)),
    subject: ROOT_SUBJECT,
    validity: { days: 9131 },
    serialNumbers: new SerialNumberAllocator((n) => session.random(n)),
  });

  it('a profile violation injected into the TBS', async () => {
    const r = await request();
    const prepared = await prepareRootCertificate(r);
    prepared.fields.extensions.push(extendedKeyUsageExtension([KEY_PURPOSE.serverAuth]));
    await expect(signPreparedCertificate(prepared)).rejects.toBeInstanceOf(LintFailedError);
    expect(r.signer.calls).toEqual([]);
  });

  it('a validity beyond the profile', async () => {
    const r = await request();
    await expect(issueRootCertificate({ ...r, validity: { days: 9133 } })).rejects.toMatchObject({ code: 'PKI_LINT_FAILED', failures: [expect.objectContaining({ id: 'validity-maximum' })] });
    expect(r.signer.calls).toEqual([]);
  });

  it('SHA-1 asked for', async () => {
    const r = await request();
    await expect(issueRootCertificate({ ...r, signature: { hash: 'sha1' } })).rejects.toMatchObject({ code: 'PKI_SHA1_REFUSED' });
    expect(r.signer.calls).toEqual([]);
  });

  it('a signature made by another key on the token is caught after signing and discarded', async () => {
    const r = await request();
    const other = await session.signer('other');
    const liar = { ...r.signer, keyType: r.signer.keyType, spki: r.signer.spki, keyId: r.signer.keyId, sign: other.sign.bind(other) };
    await expect(issueRootCertificate({ ...r, signer: liar })).rejects.toMatchObject({ code: 'PKI_SIGNATURE_CHECK_FAILED' });
  });
});
