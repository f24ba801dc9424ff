import type { DestroyEntry } from '../../../shared/script/kinds/key-destruction.js';
import { describeKeyType, type KeyPairInfo, type SecretKeyInfo } from '../../hsm/key-spec.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RunContext } from '../runner/run-context.js';
import type { StepExecutor } from './step-executor.js';
import { eventsSoFar } from './transcript-so-far.js';

/**
 * Destroys one key on the token. The key is found by label and class and,
 * when the script gives its SPKI SHA-256 or KCV, must match it, or nothing is
 * destroyed. Its facts and the reason are read to the room, the administrator
 * types the step's word, the HSM destroys it (both halves of a key pair), and
 * the token is asked again that it is gone.
 */
export const keyDestroyStep: StepExecutor<'key.destroy'> = async (ctx, step) => {
  const entry = destroyEntry(ctx, step.action.label);
  const session = ctx.requireSession();
  const find = () => (entry.class === 'key-pair' ? session.findKeyPair(entry.label) : session.findSecretKey(entry.label));
  const key = await find();
  if (!key) {
    // Destroyed before a stop, with key.destroyed never written: the inventory before says it was there.
    const listed = await listedBefore(ctx, entry);
    if (!listed) throw new CeremonyError('STEP_FAILED', `Token "${session.token.label}" holds no ${entry.class === 'key-pair' ? 'key pair' : 'secret key'} labelled "${entry.label}". Nothing was destroyed.`);
    await ctx.record('key.destroyed', step, ctx.administrator, { label: entry.label, id: String(listed.id), class: entry.class, reason: entry.reason, foundDestroyedOnResume: true });
    return;
  }
  checkFingerprint(entry, key);
  const facts = 'kcv' in key ? `KCV ${key.kcv}` : `SPKI SHA-256 ${key.spkiSha256}`;
  await ctx.acknowledge(step, `"${entry.label}" found`, `${describeKeyType(key.type)}, CKA_ID ${key.id}, ${facts}. Reason: ${entry.reason}`);
  if (step.irreversible) await ctx.host.confirm({ step: step.id, title: step.title, detail: step.irreversible.consequence, word: step.irreversible.word });
  await session.destroyKey({ label: entry.label, class: entry.class === 'key-pair' ? 'private' : 'secret' });
  if (await find()) throw new CeremonyError('STEP_FAILED', `The HSM reported "${entry.label}" destroyed, but the token still lists it. Stop and investigate the HSM.`);
  await ctx.record('key.destroyed', step, ctx.administrator, {
    label: entry.label,
    id: key.id,
    class: entry.class,
    type: describeKeyType(key.type),
    ...('kcv' in key ? { kcv: key.kcv } : { spkiSha256: key.spkiSha256 }),
    reason: entry.reason,
  });
  await ctx.acknowledge(step, `"${entry.label}" destroyed`, `The token no longer lists "${entry.label}" (CKA_ID ${key.id}).`);
};

function destroyEntry(ctx: RunContext, label: string): DestroyEntry {
  if (ctx.script.kind !== 'key-destruction') throw new Error(`key.destroy in a ${ctx.script.kind} ceremony`);
  return ctx.script.destroy.find((d) => d.label === label)!;
}

/** The fingerprint the script gives must be the token key's, or nothing is destroyed. */
function checkFingerprint(entry: DestroyEntry, key: KeyPairInfo | SecretKeyInfo): void {
  const expected = entry.spkiSha256 ?? entry.kcv;
  if (expected === undefined) return;
  const actual = 'kcv' in key ? key.kcv : key.spkiSha256;
  if (actual.toLowerCase() !== expected.toLowerCase()) {
    const what = 'kcv' in key ? 'key check value' : 'SPKI SHA-256';
    throw new CeremonyError('STEP_FAILED', `The key "${entry.label}" on the token has ${what} ${actual}, the script names ${expected}: it is not the key the script means. Nothing was destroyed.`);
  }
}

async function listedBefore(ctx: RunContext, entry: DestroyEntry): Promise<{ id?: unknown } | undefined> {
  const before = (await eventsSoFar(ctx, 'inventory.recorded')).filter((e) => e.data.when === 'before').at(-1);
  const objects = (before?.data.objects ?? []) as { class?: unknown; label?: unknown; id?: unknown }[];
  const cls = entry.class === 'key-pair' ? 'private-key' : 'secret-key';
  return objects.find((o) => o.label === entry.label && o.class === cls);
}
