import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Hsm } from '../../main/hsm/hsm.js';
import { createTokenStore, SOFTHSM_MODULE } from '../../test/support/softhsm.js';
import type { Figure } from '../figure.js';

const COUNT = 1000;

/**
 * hsm_sign_overhead: 1,000 P-384 digests signed through the HSM layer (queue,
 * async call, typed errors) against a bare pkcs11js C_Sign loop on the same
 * token in the same run. Goal ≤ 1.10.
 */
export const hsmSignOverhead: Figure = {
  name: 'hsm_sign_overhead',
  async run() {
    const store = createTokenStore(['bench-sign']);
    const token = store.tokens[0]!;
    try {
      const hsm = await Hsm.open({ modulePath: SOFTHSM_MODULE });
      let ours: number;
      try {
        const session = await hsm.openSession({ label: token.label });
        await session.login(new TextEncoder().encode(token.pin));
        await session.generateKeyPair({ label: 'bench-p384', type: { kind: 'ec', curve: 'P-384' }, extractable: false });
        const signer = await session.signer('bench-p384');
        const digests = Array.from({ length: COUNT }, () => randomBytes(48));
        for (let i = 0; i < 50; i++) await signer.signDigest(digests[i]!);
        const start = process.hrtime.bigint();
        for (const d of digests) await signer.signDigest(d);
        ours = Number(process.hrtime.bigint() - start) / COUNT;
        await session.logout();
        await session.close();
      } finally {
        await hsm.close();
      }
      const script = fileURLToPath(new URL('../baselines/pkcs11js-sign-loop.mjs', import.meta.url));
      const output = execFileSync(process.execPath, [script, SOFTHSM_MODULE, token.serial, 'BENCH_PIN', 'bench-p384', String(COUNT), '48'], {
        env: { ...process.env, SOFTHSM2_CONF: store.conf, BENCH_PIN: token.pin },
      }).toString();
      const bare = (JSON.parse(output) as { nsPerSignature: number }).nsPerSignature;
      const ratio = ours / bare;
      return {
        value: ratio,
        unit: 'ratio',
        goal: '≤ 1.10',
        baseline: 'bare pkcs11js C_SignInit+C_Sign loop on the same token, same run',
        met: ratio <= 1.1,
        detail: { ours_us_per_signature: ours / 1000, bare_us_per_signature: bare / 1000, signatures: COUNT },
      };
    } finally {
      store.cleanup();
    }
  },
};
