import { keyTypes, type KeyEntry } from '../../../shared/script/keys.js';
import { describeKeyType, type KeyPairInfo, type KeyPairType, type SecretKeyInfo } from '../../hsm/key-spec.js';
import { toPem } from '../../pki/pem.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RunContext } from '../runner/run-context.js';
import type { StepExecutor } from './step-executor.js';

/**
 * Generates one key on the token as the script names it. Safe to run again
 * after a crash: a key already recorded is not generated twice, and a key
 * that reached the token but not the transcript is taken up (its label was
 * absent at pre-flight, so this ceremony made it) rather than made again.
 */
export const generateKeyStep: StepExecutor<'generate-key'> = async (ctx, step) => {
  const key = findKey(ctx, step.action.key);
  const session = ctx.requireSession();
  const type = keyTypes[key.type];
  const extractable = key.backup || key.exportable;
  let info = ctx.state.keys.get(key.name);
  if (!info) {
    const existing = type.kind === 'aes' ? await session.findSecretKey(key.label) : await session.findKeyPair(key.label);
    if (existing && !absentAtPreflight(ctx, key.label)) {
      throw new CeremonyError('LABEL_COLLISION', `Token "${session.token.label}" already holds "${key.label}" from before this ceremony. Nothing was generated.`);
    }
    const started = Date.now();
    ctx.host.notify?.({ kind: 'progress', step: step.id, message: `Generating ${describeKeyType(type)} key "${key.label}" on the HSM…` });
    info = existing ?? (type.kind === 'aes' ? await session.generateSecretKey({ label: key.label, type, extractable }) : await session.generateKeyPair({ label: key.label, type: type as KeyPairType, extractable }));
    ctx.state.keys.set(key.name, info);
    await ctx.record('key.generated', step, ctx.administrator, {
      name: key.name,
      label: info.label,
      id: info.id,
      type: describeKeyType(info.type),
      extractable: info.extractable,
      ...('kcv' in info ? { kcv: info.kcv } : { spkiSha256: info.spkiSha256 }),
      ...(existing ? { takenUpOnResume: true } : { seconds: Math.round((Date.now() - started) / 100) / 10 }),
    });
  }
  if ('spki' in info) await writePublicKey(ctx, info);
  await ctx.acknowledge(step, `Key "${key.label}" generated`, describeGenerated(info));
};

function findKey(ctx: RunContext, name: string): KeyEntry {
  if (ctx.script.kind !== 'root-key-generation') throw new Error(`generate-key in a ${ctx.script.kind} ceremony`);
  return ctx.script.keys.find((k) => k.name === name)!;
}

function absentAtPreflight(ctx: RunContext, label: string): boolean {
  const preflight = ctx.earlier('preflight.hsm').at(-1);
  const inventory = (preflight?.data.inventory ?? []) as { label?: string }[];
  return preflight !== undefined && !inventory.some((o) => o.label === label);
}

async function writePublicKey(ctx: RunContext, info: KeyPairInfo): Promise<void> {
  const path = `keys/${info.label}.spki.pem`;
  if (ctx.earlier('file.written').some((e) => e.data.path === path)) return;
  await ctx.bundle.writeFile(path, new TextEncoder().encode(toPem('PUBLIC KEY', info.spki)));
}

function describeGenerated(info: KeyPairInfo | SecretKeyInfo): string {
  const what = `${describeKeyType(info.type)}, CKA_ID ${info.id}, ${info.extractable ? 'extractable only under wrapping (for backup or export)' : 'never extractable'}`;
  return 'kcv' in info ? `${what}. Key check value: ${info.kcv}.` : `${what}. SPKI SHA-256: ${info.spkiSha256}.`;
}
