import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { BACKUP_FORMAT, parseBackup, serializeBackup, WRAP_MECHANISM, type BackedUpKey, type BackupFile } from '../../../main/custody/backup-file.js';
import { CustodyError } from '../../../main/custody/custody-error.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { mutateBytes } from '../mutate-bytes.js';
import { mutateLines, mutateValue } from '../mutate-text.js';

const spki = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) => key.export({ type: 'spki', format: 'der' }).toString('base64');
const hex = (n: number) => randomBytes(n).toString('hex');
const privateAttributes = () => ({ token: true as const, private: true as const, sensitive: true as const, extractable: true, usage: ['sign'] });

/** backup.json documents the way key-backup.ts writes them: EC and RSA key pairs and an AES master key. */
function sampleBackup(keys: BackupFile['keys'], threshold: number, shareCount: number): Uint8Array {
  return serializeBackup({
    format: BACKUP_FORMAT,
    ceremonyId: `fuzz-${hex(2)}`,
    kek: { kcv: hex(3), threshold, shareCount, shareSetId: hex(8), shareFingerprints: Array.from({ length: shareCount }, (_, i) => ({ member: i + 1, fingerprint: hex(8) })) },
    wrapMechanism: WRAP_MECHANISM,
    keys,
  });
}

/**
 * parseBackup on damaged backup.json: values changed at every depth, lines
 * cut or repeated, bytes flipped — the document, or a CustodyError
 * (backup.malformed / backup.invalid) naming the field.
 */
export const backupTarget: FuzzTarget = {
  name: 'backup',
  perInputMs: 1000,
  async prepare() {
    const ec = (curve: 'P-256' | 'P-384' | 'P-521', label: string): BackedUpKey => ({
      label,
      id: hex(20),
      class: 'private',
      type: { kind: 'ec', curve },
      spki: spki(generateKeyPairSync('ec', { namedCurve: curve }).publicKey),
      attributes: privateAttributes(),
      wrapped: randomBytes(curve === 'P-256' ? 144 : 192).toString('base64'),
    });
    const rsa: BackedUpKey = {
      label: 'rsa-root',
      id: hex(20),
      class: 'private',
      type: { kind: 'rsa', bits: 2048 },
      spki: spki(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey),
      attributes: privateAttributes(),
      wrapped: randomBytes(1224).toString('base64'),
    };
    const master: BackedUpKey = {
      label: 'master',
      id: hex(16),
      class: 'secret',
      type: { kind: 'aes', bits: 256 },
      kcv: hex(3),
      attributes: { token: true, private: true, sensitive: true, extractable: true, usage: ['encrypt', 'decrypt', 'wrap', 'unwrap'] },
      wrapped: randomBytes(40).toString('base64'),
    };
    const corpus = [
      sampleBackup([ec('P-384', 'root'), master, ec('P-384', 'audit')], 3, 5),
      sampleBackup([ec('P-256', 'small-root'), ec('P-521', 'big-root')], 2, 2),
      sampleBackup([rsa, master], 5, 9),
    ];
    return {
      next(random) {
        const file = random.pick(corpus);
        const choice = random.int(10);
        if (choice < 2) return mutateBytes(file, random, random.pick(corpus));
        if (choice < 4) {
          const { text, how } = mutateLines(Buffer.from(file).toString('utf8'), random);
          return { bytes: Buffer.from(text, 'utf8'), how };
        }
        const document: unknown = JSON.parse(Buffer.from(file).toString('utf8'));
        const how = [mutateValue(document, random)];
        if (random.chance(0.3)) how.push(mutateValue(document, random));
        return { bytes: Buffer.from(JSON.stringify(document, null, 2), 'utf8'), how };
      },
      run(input) {
        parseBackup(input);
        return 'accepted';
      },
      isRefusal: (error) => error instanceof CustodyError,
    };
  },
};
