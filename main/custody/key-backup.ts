import type { HsmSession, SessionKey } from '../hsm/hsm-session.js';
import { BACKUP_FORMAT, backedUpKeyOf, WRAP_MECHANISM, type BackedUpKey, type BackupFile } from './backup-file.js';
import { CustodyError } from './custody-error.js';
import { KEK_BYTES, kekCheckValue } from './kek-check-value.js';
import { checkShareSet, newShareSetId, splitKek } from './kek-split.js';
import { zero } from './secret-bytes.js';
import type { ShareEnvelope } from './share-envelope.js';
import { shareFingerprint } from './share-fingerprint.js';

/** The session label of the KEK while it is on the token (a session object: gone when the session closes). */
export const SESSION_KEK_LABEL = 'conclave-backup-kek';

/** What to back up and how to split the KEK. */
export interface BackupRequest {
  ceremonyId: string;
  /** The keys to wrap, by label; each must be extractable (and sensitive). */
  keys: { label: string; class: 'private' | 'secret' }[];
  threshold: number;
  shareCount: number;
  /** Defaults to a fresh random id. */
  setId?: string;
}

/** The backup document (public) and the shares (secret: hand each off, then zeroShares). */
export interface KeyBackup {
  backup: BackupFile;
  shares: ShareEnvelope[];
}

/**
 * Makes the backup: a 32-byte KEK from the HSM's generator, its KCV (computed
 * in memory and by the HSM after import, which must agree), the KEK imported
 * as a session key that can only wrap and unwrap, every named key wrapped with
 * CKM_AES_KEY_WRAP_PAD, the KEK split M-of-N, and the KEK zeroed and destroyed
 * on the token whatever happens.
 * @throws CustodyError backup.key-missing, share.split-params, kek.kcv-mismatch; HsmError from the token.
 */
export async function createKeyBackup(session: HsmSession, request: BackupRequest): Promise<KeyBackup> {
  const setId = request.setId ?? newShareSetId();
  const set = { setId, threshold: request.threshold, shareCount: request.shareCount };
  // A bad split is refused before a KEK is drawn: nothing is done half-way.
  checkShareSet(set);
  const kek = await session.random(KEK_BYTES);
  let sessionKek: SessionKey | undefined;
  try {
    const kcv = kekCheckValue(kek);
    sessionKek = await session.importAesKey(kek, { label: SESSION_KEK_LABEL });
    if (sessionKek.kcv !== kcv) {
      throw new CustodyError('kek.kcv-mismatch', `The HSM computes KCV ${sessionKek.kcv} for the imported KEK but ${kcv} was computed in memory: the import is not faithful. Stop the ceremony and check the HSM.`);
    }
    const keys: BackedUpKey[] = [];
    for (const key of request.keys) keys.push(await wrapOne(session, sessionKek, key));
    const shares = await splitKek(kek, set);
    const backup: BackupFile = {
      format: BACKUP_FORMAT,
      ceremonyId: request.ceremonyId,
      kek: {
        kcv,
        threshold: request.threshold,
        shareCount: request.shareCount,
        shareSetId: setId,
        shareFingerprints: shares.map((s) => ({ member: s.member, fingerprint: shareFingerprint(s.share) })),
      },
      wrapMechanism: WRAP_MECHANISM,
      keys,
    };
    return { backup, shares };
  } finally {
    zero(kek);
    if (sessionKek) await session.destroySessionKey(sessionKek);
  }
}

async function wrapOne(session: HsmSession, kek: SessionKey, key: BackupRequest['keys'][number]): Promise<BackedUpKey> {
  const info = key.class === 'private' ? await session.findKeyPair(key.label) : await session.findSecretKey(key.label);
  if (!info) throw missing(key.label, key.class === 'private' ? 'key pair' : 'secret key');
  return backedUpKeyOf(info, await session.wrapKey(kek, key));
}

function missing(label: string, what: string): CustodyError {
  return new CustodyError('backup.key-missing', `The script backs up the ${what} "${label}", but the token has no ${what} with that label. Nothing was backed up.`);
}
