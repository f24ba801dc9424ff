import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hsm } from '../../main/hsm/hsm.js';
import { parseCsr } from '../../main/pki/csr.js';
import { issueRootCertificate } from '../../main/pki/issue-root-certificate.js';
import { issueCertificateFromCsr } from '../../main/pki/issue-subordinate-certificate.js';
import type { DistinguishedName } from '../../main/pki/names.js';
import { SerialNumberAllocator } from '../../main/pki/serial-numbers.js';
import { createTokenStore, SOFTHSM_MODULE } from '../../test/support/softhsm.js';
import type { Figure } from '../figure.js';
import { ceremonyMsPerCertificate, opensslCsr } from './batch-sign-ceremony.js';

const COUNT = 1000;
/** Distinct requester keys; the 1,000 requests cycle through them (making 1,000 keys with openssl would time openssl). */
const CSR_KEYS = 10;
const GOAL = 3;

const name = (cn: string): DistinguishedName => [
  { type: 'C', value: 'DE' },
  { type: 'O', value: 'Conclave Bench' },
  { type: 'CN', value: cn },
];

/** PEM CSRs made by openssl, one P-256 key each. */
function opensslCsrs(count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-csr-'));
  try {
    return Array.from({ length: count }, (_, i) => opensslCsr(dir, i));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * batch_sign_1000: 1,000 subordinate CA certificates (profile
 * tls-subordinate-ca) signed from CSRs in one subordinate-signing ceremony on
 * a practice token (batch-sign-ceremony.ts: the runner, each certificate's
 * review and confirmation, its transcript events, its files), per
 * certificate, as a ratio to one bare pkcs11js C_SignInit + C_Sign with a
 * P-384 key in the same run. The detail also gives the same 1,000 issued
 * through main/pki alone — CSR parsed and its signature checked, TBS built,
 * linted, signed in the HSM, signature verified, linted again — to separate
 * the certificate work from the ceremony's durable record of it.
 */
export const batchSign1000: Figure = {
  name: 'batch_sign_1000',
  async run() {
    const store = createTokenStore(['bench-batch']);
    const token = store.tokens[0]!;
    try {
      const csrs = opensslCsrs(CSR_KEYS);
      const hsm = await Hsm.open({ modulePath: SOFTHSM_MODULE });
      let perCertificateMs: number;
      try {
        const session = await hsm.openSession({ label: token.label });
        await session.login(new TextEncoder().encode(token.pin));
        await session.generateKeyPair({ label: 'bench-root', type: { kind: 'ec', curve: 'P-384' }, extractable: false });
        const signer = await session.signer('bench-root');
        const serialNumbers = new SerialNumberAllocator((n) => session.random(n));
        const root = await issueRootCertificate({ signer, subject: name('Bench Root'), validity: { days: 3650 }, serialNumbers });
        const issue = (i: number) =>
          issueCertificateFromCsr({
            profile: 'tls-subordinate-ca',
            issuerSigner: signer,
            issuerCertificate: root.der,
            csr: parseCsr(csrs[i % CSR_KEYS]!),
            subject: name(`Bench Issuing CA ${i}`),
            validity: { days: 1826 },
            serialNumbers,
            crlDistributionPoints: ['http://crl.example.com/root.crl'],
            caIssuers: ['http://ca.example.com/root.crt'],
          });
        for (let i = 0; i < 20; i++) await issue(i);
        const start = performance.now();
        for (let i = 0; i < COUNT; i++) await issue(i);
        perCertificateMs = (performance.now() - start) / COUNT;
        await session.logout();
        await session.close();
      } finally {
        await hsm.close();
      }
      const script = fileURLToPath(new URL('../baselines/pkcs11js-sign-loop.mjs', import.meta.url));
      const output = execFileSync(process.execPath, [script, SOFTHSM_MODULE, token.serial, 'BENCH_PIN', 'bench-root', String(COUNT), '48'], {
        env: { ...process.env, SOFTHSM2_CONF: store.conf, BENCH_PIN: token.pin },
      }).toString();
      const bareMs = (JSON.parse(output) as { nsPerSignature: number }).nsPerSignature / 1e6;
      const ceremony = await ceremonyMsPerCertificate(csrs, COUNT);
      const ratio = ceremony.msPerCertificate / bareMs;
      return {
        value: ratio,
        unit: '× bare C_Sign',
        goal: `≤ ${GOAL.toFixed(1)}`,
        baseline: `one bare pkcs11js C_SignInit+C_Sign (P-384, same key, same run): ${bareMs.toFixed(2)} ms`,
        met: ratio <= GOAL,
        detail: {
          certificates: COUNT,
          ceremony_ms_per_certificate: ceremony.msPerCertificate,
          ceremony_ms_one_certificate: ceremony.oneMs,
          ceremony_ms_all_certificates: ceremony.manyMs,
          pki_ms_per_certificate: perCertificateMs,
          pki_only_ratio: perCertificateMs / bareMs,
          bare_ms_per_signature: bareMs,
          requester_keys: CSR_KEYS,
        },
      };
    } finally {
      store.cleanup();
    }
  },
};
