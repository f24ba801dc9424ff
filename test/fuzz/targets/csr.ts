import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsr } from '../../../main/pki/csr.js';
import { PkiError } from '../../../main/pki/pki-error.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { mutateBytes } from '../mutate-bytes.js';

/** CSRs as openssl makes them: every key type a profile allows, and extension requests. */
const REQUESTS: string[][] = [
  ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-subj', '/C=DE/O=Fuzz/CN=P-256', '-addext', 'subjectAltName=DNS:example.com'],
  ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-subj', '/CN=Ünïcödé', '-addext', 'basicConstraints=critical,CA:TRUE'],
  ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-521', '-subj', '/C=US/O=Fuzz/CN=P-521'],
  ['-newkey', 'rsa:2048', '-subj', '/C=DE/O=Fuzz/CN=RSA', '-sigopt', 'rsa_padding_mode:pss'],
];

/** parseCsr on mutated DER and PEM: a CSR, or a PkiError naming what is wrong. */
export const csrTarget: FuzzTarget = {
  name: 'csr',
  perInputMs: 1000,
  async prepare() {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-fuzz-csr-'));
    let corpus: Uint8Array[];
    try {
      corpus = REQUESTS.map((args, i) => {
        const out = join(dir, `${i}.der`);
        execFileSync('openssl', ['req', '-new', '-nodes', '-keyout', join(dir, `${i}.key`), '-outform', 'DER', '-out', out, ...args], { stdio: 'pipe' });
        return new Uint8Array(readFileSync(out));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      next(random) {
        const { bytes, how } = mutateBytes(random.pick(corpus), random, random.pick(corpus));
        if (!random.chance(0.3)) return { bytes, how };
        const b64 = Buffer.from(bytes).toString('base64').replace(/.{64}/g, '$&\n');
        return { bytes: Buffer.from(`-----BEGIN CERTIFICATE REQUEST-----\n${b64}\n-----END CERTIFICATE REQUEST-----\n`), how: [...how, 'as PEM'] };
      },
      run(input) {
        parseCsr(input);
        return 'accepted';
      },
      isRefusal: (error) => error instanceof PkiError,
    };
  },
};
