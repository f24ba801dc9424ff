import { CustodyError } from '../../../main/custody/custody-error.js';
import { sealShare, unsealShare } from '../../../main/custody/sealed-share-file.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { mutateBytes } from '../mutate-bytes.js';
import { mutateValue } from '../mutate-text.js';
import { shareCorpus } from './share-corpus.js';

const PASSPHRASE = new TextEncoder().encode('correct horse battery staple');
/** The lowest cost the format accepts, so a few hundred files unseal in seconds. */
const FAST_SCRYPT = { N: 2 ** 10, r: 1, p: 1 };

/**
 * unsealShare on damaged sealed share files (JSON fields changed, bytes cut or
 * flipped), with the right passphrase: the share, or a CustodyError saying
 * whether the file is truncated, malformed, damaged or the passphrase wrong.
 * Files are sealed at the format's lowest scrypt cost; a mutation that asks
 * for more is clamped back, so the bound measures the parser, not scrypt.
 */
export const sealedShareTarget: FuzzTarget = {
  name: 'sealed-share',
  perInputMs: 1000,
  async prepare() {
    const corpus = await Promise.all((await shareCorpus()).slice(0, 4).map((e) => sealShare(e, PASSPHRASE, FAST_SCRYPT)));
    return {
      next(random) {
        const file = random.pick(corpus);
        if (random.chance(0.4)) return mutateBytes(file, random, random.pick(corpus));
        const document = JSON.parse(Buffer.from(file).toString('utf8')) as Record<string, unknown>;
        const how = [mutateValue(document, random)];
        const kdf = document.kdf as Record<string, unknown> | undefined;
        if (kdf && typeof kdf.N === 'number' && typeof kdf.r === 'number' && typeof kdf.p === 'number' && kdf.N * kdf.r * kdf.p > 2 ** 12) {
          Object.assign(kdf, FAST_SCRYPT);
          how.push('cost clamped');
        }
        return { bytes: Buffer.from(JSON.stringify(document, null, random.chance(0.5) ? 2 : 0)), how };
      },
      async run(input) {
        await unsealShare(input, PASSPHRASE);
        return 'accepted';
      },
      isRefusal: (error) => error instanceof CustodyError,
    };
  },
};
