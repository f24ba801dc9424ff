import { RecoveryIntake } from '../../custody/recovery-intake.js';
import { restoreBackup } from '../../custody/key-restore.js';
import type { KeyProof } from '../../custody/restored-key-proof.js';
import type { Hsm } from '../../hsm/hsm.js';
import { readRecoverySource } from '../recovery-source.js';
import type { PracticeCard } from './practice-host.js';

export interface DrillResult {
  /** The members whose shares rebuilt the KEK. */
  members: number[];
  kcv: string;
  proofs: KeyProof[];
}

/**
 * The rehearsal's recovery drill: a threshold of the practice custodians'
 * cards go through the same intake a real recovery uses (each share checked
 * against backup.json and the transcript's share.verified fingerprints), the
 * KEK is rebuilt and its KCV checked, and the backup is restored into a
 * second, empty token, where every key is proven.
 */
export async function recoveryDrill(hsm: Hsm, bundleDir: string, cards: readonly PracticeCard[], target: { label: string; pin: Uint8Array }): Promise<DrillResult> {
  const { backup, expectation } = await readRecoverySource(bundleDir);
  const intake = new RecoveryIntake(expectation);
  // The last M cards: a different quorum from the first custodians, on purpose.
  for (const card of cards.slice(-backup.kek.threshold)) await intake.offer({ kind: 'words', words: card.words });
  const rebuilt = await intake.rebuildKek();
  const session = await hsm.openSession({ label: target.label });
  try {
    await session.login(target.pin);
    const proofs = await restoreBackup(session, backup, rebuilt.kek);
    return { members: rebuilt.usedMembers, kcv: rebuilt.kcv, proofs };
  } finally {
    rebuilt.kek.fill(0);
    intake.discard();
    await session.logout().catch(() => undefined);
    await session.close();
  }
}
