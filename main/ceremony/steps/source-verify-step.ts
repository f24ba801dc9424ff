import type { BackupFile } from '../../custody/backup-file.js';
import { readCertificate } from '../../pki/certificate-view.js';
import type { FactValue } from '../../transcript/events.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { SourceBundle } from '../runner/ceremony-state.js';
import type { RunContext } from '../runner/run-context.js';
import { readSourceBundle } from './source-bundle.js';
import type { StepExecutor } from './step-executor.js';
import { keyMatchingCertificate, tokenKeyOfBackup } from './token-key-checks.js';

/**
 * The bundle this ceremony builds on, verified before anything is read from
 * it (SHA256SUMS, chain, seal, certificates, CRLs, backup against transcript),
 * then checked against the script: the seal key on the token is the audit
 * certificate's; for a recovery or rotation, the backup is current (not
 * voided), holds every key named, and the custodians named hold shares of it
 * and are enough. The certificates this ceremony uses are copied into its own
 * bundle (design/FORMATS.md: "every certificate issued or used").
 */
export const sourceVerifyStep: StepExecutor<'source.verify'> = async (ctx, step) => {
  const verified = await readSourceBundle(ctx);
  const { source, report } = verified;
  const facts = await checkSourceFitsScript(ctx, source);
  for (const cert of verified.certificates) {
    for (const [extension, bytes] of [['pem', cert.pem], ['der', cert.der]] as const) {
      const path = `certs/${cert.name}.${extension}`;
      if (!ctx.earlier('file.written').some((e) => e.data.path === path)) await ctx.bundle.writeFile(path, bytes);
    }
  }
  const opened = source.events[0]!.data;
  const root = verified.certificates.find((c) => c.roles.includes('root'))!;
  await ctx.record('source.verified', step, 'system', {
    bundle: source.dir,
    ceremonyId: String(opened.ceremonyId),
    kind: String(opened.kind),
    rehearsal: opened.rehearsal === true,
    transcriptSha256: verified.transcriptSha256,
    events: source.events.length,
    verdict: report.verdict,
    checks: report.checks.map((c) => ({ name: c.name, status: c.status })),
    certificates: verified.certificates.map((c) => ({ name: c.name, roles: c.roles, sha256: c.sha256 })),
    ...facts,
  });
  const passed = report.checks.filter((c) => c.status === 'pass').length;
  await ctx.acknowledge(
    step,
    'The source bundle verifies',
    `Bundle ${source.dir}: ceremony ${String(opened.ceremonyId)} (${String(opened.kind)}), ${passed} checks passed, transcript SHA-256 ${verified.transcriptSha256}. Root certificate SHA-256 ${root.sha256}: compare it with the fingerprint your organisation published.`,
  );
};

/**
 * What must hold of the source for this script, checked before the token is
 * changed. Returns the facts for source.verified.
 * @throws CeremonyError SOURCE_INVALID or PREFLIGHT_FAILED saying what differs and what to do.
 */
async function checkSourceFitsScript(ctx: RunContext, source: SourceBundle): Promise<{ [key: string]: FactValue }> {
  const script = ctx.script;
  const session = ctx.requireSession();
  if (script.kind === 'root-key-generation') return {};
  // In a recovery the seal key arrives with the restored keys; its check is then the restore's proof.
  if (script.kind !== 'key-recovery') await keyMatchingCertificate(session, script.seal.key, script.seal.certificate, ctx.state.certificates.get(script.seal.certificate)!);
  if (script.kind !== 'key-recovery' && script.kind !== 'custodian-rotation') return {};
  const backup = currentBackup(source);
  const custodians = script.kind === 'key-recovery' ? script.recovery.custodians : script.rotation.quorum;
  checkCustodiansHoldShares(source, backup, custodians);
  if (script.kind === 'key-recovery') {
    const missing = script.recovery.restore.filter((label) => !backup.keys.some((k) => k.label === label));
    if (missing.length > 0) {
      throw new CeremonyError('SOURCE_INVALID', `The source backup holds no key labelled ${missing.map((l) => `"${l}"`).join(', ')} (it holds ${backup.keys.map((k) => `"${k.label}"`).join(', ')}). Correct recovery.restore in the script and have it reviewed again.`);
    }
    // The restored seal key will seal this transcript: it must be the key the audit certificate certifies.
    const seal = backup.keys.find((k) => k.label === script.seal.key);
    const certified = readCertificate(ctx.state.certificates.get(script.seal.certificate)!).spki;
    if (seal?.class !== 'private' || !Buffer.from(seal.spki, 'base64').equals(Buffer.from(certified))) {
      throw new CeremonyError('SOURCE_INVALID', `The backed-up "${script.seal.key}" is not the key certs/${script.seal.certificate}.pem certifies: the restored token could not seal this transcript. Check seal.key and seal.certificate in the script.`);
    }
  } else {
    // The rotation re-wraps the keys found on this token: each must be the key the old backup holds.
    const absent: string[] = [];
    for (const key of backup.keys) if (!(await tokenKeyOfBackup(session, key))) absent.push(key.label);
    if (absent.length > 0) {
      throw new CeremonyError('PREFLIGHT_FAILED', `Token "${session.token.label}" does not hold ${absent.map((l) => `"${l}"`).join(', ')} of the backup being rotated: the new backup could not hold every key of the old one. Rotate on the token that holds the keys, or recover them onto it first.`);
    }
  }
  return { backup: { shareSetId: backup.kek.shareSetId, kcv: backup.kek.kcv, threshold: backup.kek.threshold, shareCount: backup.kek.shareCount, keys: backup.keys.map((k) => k.label) } };
}

/** The source's backup, which must exist and must not have been declared void. */
function currentBackup(source: SourceBundle): BackupFile {
  const backup = source.backup;
  if (!backup) throw new CeremonyError('SOURCE_INVALID', `The source bundle ${source.dir} holds no backup/backup.json. Give the bundle of the ceremony that made the backup: the root ceremony, or the latest custodian rotation.`);
  const voided = source.events.find((e) => e.type === 'backup.voided' && e.data.shareSetId === backup.kek.shareSetId);
  if (voided) throw new CeremonyError('SOURCE_INVALID', `The source bundle's own transcript declares its share set ${backup.kek.shareSetId} void (line ${voided.seq + 1}). Its shares rebuild nothing: give the bundle of the rotation that replaced it.`);
  return backup;
}

/** Each custodian named must have received and verified a share of this backup, and together they must reach its threshold. */
function checkCustodiansHoldShares(source: SourceBundle, backup: BackupFile, custodians: readonly string[]): void {
  const holders = new Set(source.events.filter((e) => e.type === 'share.verified' && e.data.shareSetId === backup.kek.shareSetId).map((e) => String(e.data.custodian)));
  const without = custodians.filter((c) => !holders.has(c));
  if (without.length > 0) {
    throw new CeremonyError('SOURCE_INVALID', `${without.join(', ')} ${without.length === 1 ? 'holds' : 'hold'} no share of the backup's share set ${backup.kek.shareSetId}: the source transcript gave shares to ${[...holders].join(', ')}. Correct the script and have it reviewed again.`);
  }
  if (custodians.length < backup.kek.threshold) {
    throw new CeremonyError('SOURCE_INVALID', `The script names ${custodians.length} custodians, but the backup needs ${backup.kek.threshold} of its ${backup.kek.shareCount} shares to rebuild the KEK. Nothing was done: name at least ${backup.kek.threshold}.`);
  }
}
