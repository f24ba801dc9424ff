import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import type { KeyPairType } from '../../../main/hsm/key-spec.js';
import { sealTranscript } from '../../../main/transcript/seal-transcript.js';
import { makeTestPki, type TestPki } from '../../unit/transcript/openssl-pki.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';

const transcript = Buffer.from('{"seq":0,"note":"sealed on the token"}\n');
const KEY_TYPES: [string, KeyPairType][] = [
  ['EC P-256', { kind: 'ec', curve: 'P-256' }],
  ['EC P-384', { kind: 'ec', curve: 'P-384' }],
  ['EC P-521', { kind: 'ec', curve: 'P-521' }],
  ['RSA 3072', { kind: 'rsa', bits: 3072 }],
];

let store: TestTokenStore;
let hsm: Hsm;
let session: HsmSession;
const pkis: TestPki[] = [];

beforeAll(async () => {
  store = createTokenStore(['seal']);
  hsm = await Hsm.open();
  session = await hsm.openSession({ label: 'seal' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
  pkis.forEach((p) => p.cleanup());
});

describe('the transcript seal signed by an audit key on SoftHSM', () => {
  it.each(KEY_TYPES)('with %s, is accepted by openssl cms -verify', async (label, type) => {
    const key = await session.generateKeyPair({ label: `audit ${label}`, type, extractable: false });
    const pki = makeTestPki(key.spki);
    pkis.push(pki);
    const p7s = await sealTranscript({ transcript, signer: await session.signer(key.label), signerCertificate: pki.auditDer, chain: [pki.rootDer] });
    writeFileSync(join(pki.dir, 'transcript.jsonl'), transcript);
    writeFileSync(join(pki.dir, 'transcript.jsonl.p7s'), p7s);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'transcript.jsonl.p7s', '-content', 'transcript.jsonl', '-CAfile', 'root.pem', '-purpose', 'any', '-out', '/dev/null'];
    const run = spawnSync('openssl', args, { cwd: pki.dir, encoding: 'utf8' });
    expect(run.stderr).toContain('CMS Verification successful');
    expect(run.status).toBe(0);
  });
});
