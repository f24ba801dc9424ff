import { useState } from 'react';
import type { RecoveryProgress } from '../../../shared/ipc/recovery-channels.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';
import { HexText } from '../common/hex-text.js';
import { namedPositions } from '../handoff/named-positions.js';
import { ShareEntry } from '../handoff/share-entry.js';
import { RehearsalBanner } from '../common/rehearsal-banner.js';
import { SealedFileEntry } from './sealed-file-entry.js';

/**
 * Refusals the custodian fixes by correcting what they typed: their words stay
 * in the fields. Any other refusal (another ceremony's share, a voided set's,
 * a duplicate, a fingerprint that differs) clears the fields, so the words of
 * a card that will not be used do not stay on screen for the next custodian.
 */
const CORRECTABLE = new Set(['share.word-count', 'share.word-wrong', 'share.words-swapped', 'share.checksum', 'share.not-a-share', 'share.malformed']);

/**
 * Shares come back one at a time: "2 of 3 needed", who has brought theirs,
 * and the entry for the next. Each is checked as soon as it is entered; a bad
 * one is named (the mistyped word's position, another ceremony's share, a
 * duplicate) and the custodian corrects it, or sets the card aside.
 */
export function ShareIntake({ api, progress, onProgress, busy, onRestore }: { api: ConclaveApi; progress: RecoveryProgress; onProgress: (p: RecoveryProgress) => void; busy: boolean; onRestore: () => void }) {
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [accepted, setAccepted] = useState<string | undefined>(undefined);
  // Where the last refused share was entered: its problem is shown beside that entry.
  const [problemAt, setProblemAt] = useState<'words' | 'sealed-file'>('words');
  // Counts refusals that empty the fields (a new entry is mounted for each).
  const [cleared, setCleared] = useState(0);
  const offer = (words: string[]) => check('words', () => api.recovery.offer({ words }));
  const offerSealedFile = (path: string, passphrase: string) => check('sealed-file', () => api.recovery.offerSealedFile({ path, passphrase }));
  const check = async (from: 'words' | 'sealed-file', send: () => ReturnType<ConclaveApi['recovery']['offer']>): Promise<boolean> => {
    setSending(true);
    const result = await send();
    setSending(false);
    if (!result.ok) {
      setProblem(result.error);
      setProblemAt(from);
      setAccepted(undefined);
      if (from === 'words' && !CORRECTABLE.has(result.error.code)) setCleared((n) => n + 1);
      return false;
    }
    setProblem(undefined);
    const share = result.value.accepted.at(-1);
    setAccepted(share ? `${share.custodian}'s share (member ${share.member}) was accepted.` : undefined);
    onProgress(result.value);
    return true;
  };
  const enough = progress.accepted.length >= progress.threshold;
  const held = new Set(progress.accepted.map((a) => a.member));
  return (
    <>
      {progress.rehearsal ? <RehearsalBanner /> : null}
      <section className="panel" aria-labelledby="intake-title">
        <h2 id="intake-title">{progress.title}</h2>
        <p className="progress-count" role="status">
          {progress.accepted.length} of {progress.threshold} needed
        </p>
        <p>
          Any {progress.threshold} of the {progress.shareCount} shares rebuild the key-encryption key, whose check value must be <HexText value={progress.kcv} />.
        </p>
        <ul className="roll-call" aria-label="Custodians">
          {progress.custodians.map((c) => (
            <li key={c.member} className={`roll ${held.has(c.member) ? 'roll-present' : 'roll-waiting'}`}>
              <span className="roll-mark" aria-hidden="true">
                {held.has(c.member) ? '✓' : '○'}
              </span>
              <span className="roll-name">{c.name}</span>
              <span className="roll-role">share {c.member}</span>
              <span className="roll-state">{held.has(c.member) ? 'share accepted' : 'not entered'}</span>
            </li>
          ))}
        </ul>
      </section>
      {accepted ? (
        <p className="done" role="status">
          ✓ {accepted}
        </p>
      ) : null}
      {problem && problemAt === 'words' ? <ErrorNotice error={problem} /> : null}
      {!enough ? (
        <section className="panel" aria-labelledby="entry-title">
          <h2 id="entry-title">The next custodian types their share</h2>
          <ShareEntry key={`${progress.accepted.length}-${cleared}`} count={progress.wordCount} action="Check this share" busy={sending} flagged={namedPositions(problemAt === 'words' ? problem?.message : undefined)} onSubmit={offer} />
        </section>
      ) : null}
      {!enough ? (
        <section className="panel" aria-labelledby="sealed-entry-title">
          <h2 id="sealed-entry-title">Or opens their sealed share file</h2>
          {problem && problemAt === 'sealed-file' ? <ErrorNotice error={problem} /> : null}
          <SealedFileEntry busy={sending} onSubmit={offerSealedFile} />
        </section>
      ) : null}
      {enough ? (
        <section className="panel" aria-labelledby="restore-title">
          <h2 id="restore-title">Enough shares: rebuild the key and restore the backup</h2>
          <p>{progress.rehearsal ? 'The backup is restored into a new throwaway SoftHSM token, and every key is proven by signing or by its check value.' : 'A real backup is restored in a key-recovery ceremony.'}</p>
          <button type="button" className="primary large" disabled={busy} onClick={onRestore}>
            Rebuild the key and restore
          </button>
        </section>
      ) : null}
    </>
  );
}
