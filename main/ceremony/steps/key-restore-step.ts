import type { BackedUpKey } from '../../custody/backup-file.js';
import { proveRestoredKey, type KeyProof } from '../../custody/restored-key-proof.js';
import { HsmError } from '../../hsm/hsm-error.js';
import type { HsmSession, SessionKey } from '../../hsm/hsm-session.js';
import { describeKeyType, type KeyPairInfo, type SecretKeyInfo } from '../../hsm/key-spec.js';
import type { UnwrapTarget } from '../../hsm/unwrap-template.js';
import { toPem } from '../../pki/pem.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RunContext } from '../runner/run-context.js';
import { requireSource } from './source-bundle.js';
import type { StepExecutor } from './step-executor.js';

/**
 * Restores one key of the source backup onto the token: unwrapped in the HSM
 * under the rebuilt KEK with its recorded label, CKA_ID and attributes, then
 * proven (main/custody's proveRestoredKey: a key pair signs a fresh challenge
 * that verifies under the recorded SPKI, a secret key's KCV matches). A key
 * that fails its proof is destroyed again before the ceremony stops. After
 * the last restore the KEK's session copy is destroyed.
 */
export const keyRestoreStep: StepExecutor<'key.restore'> = async (ctx, step) => {
  const { label } = step.action;
  const source = await requireSource(ctx);
  const recorded = source.backup?.keys.find((k) => k.label === label);
  if (!recorded) throw new CeremonyError('SOURCE_INVALID', `The source backup holds no key labelled "${label}".`);
  const session = ctx.requireSession();
  const onToken = recorded.class === 'private' ? await session.findKeyPair(label) : await session.findSecretKey(label);
  // A key restored before a stop, whose key.restored never reached the transcript, is taken up and proven, not unwrapped twice.
  const takenUp = onToken !== undefined && absentAtPreflight(ctx, label);
  if (onToken && !takenUp) throw new CeremonyError('LABEL_COLLISION', `Token "${session.token.label}" already holds "${label}" from before this ceremony. Nothing was restored.`);
  const info = onToken ?? (await unwrap(session, requireKek(ctx), recorded));
  let proof: KeyProof;
  try {
    proof = await proveRestoredKey(session, recorded, info);
  } catch (error) {
    await session.destroyKey({ label, class: recorded.class });
    throw error;
  }
  ctx.state.keys.set(label, info);
  if ('spki' in info) await writePublicKey(ctx, info);
  await ctx.record('key.restored', step, ctx.administrator, {
    label,
    id: info.id,
    type: describeKeyType(info.type),
    ...(proof.kcv !== undefined ? { kcv: proof.kcv } : {}),
    ...(proof.spkiSha256 !== undefined ? { spkiSha256: proof.spkiSha256 } : {}),
    proof: proof.proof,
    ...(takenUp ? { takenUpOnResume: true } : {}),
  });
  if (isLastRestore(ctx, step.id)) await dropKek(ctx, session);
  await ctx.acknowledge(step, `"${label}" restored and proven`, `${describeKeyType(info.type)}, CKA_ID ${info.id}: ${proof.proof}.`);
};

function requireKek(ctx: RunContext): SessionKey {
  const kek = ctx.state.recovery?.sessionKey;
  if (!kek) throw new CeremonyError('STEP_FAILED', 'The rebuilt KEK is not on the token in this run (it never outlives a stop). Resume from the first share: the custodians enter their shares again.');
  return kek;
}

async function unwrap(session: HsmSession, kek: SessionKey, key: BackedUpKey): Promise<KeyPairInfo | SecretKeyInfo> {
  const target: UnwrapTarget =
    key.class === 'private'
      ? { class: 'private', label: key.label, id: key.id, type: key.type, extractable: key.attributes.extractable, spki: Buffer.from(key.spki, 'base64') }
      : { class: 'secret', label: key.label, id: key.id, type: key.type, extractable: key.attributes.extractable };
  try {
    return await session.unwrapKey(kek, Buffer.from(key.wrapped, 'base64'), target);
  } catch (error) {
    if (error instanceof HsmError && error.code === 'WRAPPED_KEY_INVALID') {
      throw new CeremonyError('STEP_FAILED', `The wrapped "${key.label}" in the source backup does not unwrap under the rebuilt KEK, whose KCV matched: backup.json was altered or damaged (${error.message}). Nothing of it was kept; use another copy of the backup.`);
    }
    throw error;
  }
}

function absentAtPreflight(ctx: RunContext, label: string): boolean {
  const preflight = ctx.earlier('preflight.hsm').at(-1);
  const inventory = (preflight?.data.inventory ?? []) as { label?: string }[];
  return preflight !== undefined && !inventory.some((o) => o.label === label);
}

function isLastRestore(ctx: RunContext, stepId: string): boolean {
  return ctx.plan.steps.filter((s) => s.action.type === 'key.restore').at(-1)?.id === stepId;
}

async function dropKek(ctx: RunContext, session: HsmSession): Promise<void> {
  const recovery = ctx.state.recovery;
  if (!recovery?.sessionKey) return;
  await session.destroySessionKey(recovery.sessionKey);
  recovery.sessionKey = undefined;
}

async function writePublicKey(ctx: RunContext, info: KeyPairInfo): Promise<void> {
  const path = `keys/${info.label}.spki.pem`;
  if (ctx.earlier('file.written').some((e) => e.data.path === path)) return;
  await ctx.bundle.writeFile(path, new TextEncoder().encode(toPem('PUBLIC KEY', info.spki)));
}
