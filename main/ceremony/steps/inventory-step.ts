import type { InventoryEntry } from '../../hsm/inventory.js';
import type { Facts } from '../../transcript/events.js';
import type { StepExecutor } from './step-executor.js';
import { eventsSoFar } from './transcript-so-far.js';

/** One object of the token as the transcript lists it: public facts only. */
export function inventoryFacts(entry: InventoryEntry): Facts {
  return {
    class: entry.class,
    label: entry.label,
    id: entry.id,
    type: entry.keyType ?? null,
    fingerprint: entry.kcv ? `kcv:${entry.kcv}` : entry.spkiSha256 ? `spki-sha256:${entry.spkiSha256}` : null,
  };
}

/**
 * Every object on the token, into the transcript: before the destruction and
 * after it, so the two lists show exactly what went. After, the difference
 * from the list before is recorded too and read out to the witness.
 */
export const inventoryStep: StepExecutor<'inventory'> = async (ctx, step) => {
  const session = ctx.requireSession();
  const objects = (await session.inventory()).map(inventoryFacts);
  const { when } = step.action;
  const before = when === 'after' ? (await eventsSoFar(ctx, 'inventory.recorded')).filter((e) => e.data.when === 'before').at(-1)?.data.objects as Facts[] | undefined : undefined;
  // The list before is in this transcript whenever the after step runs: the plan walks before → destroy → after.
  const gone = before ? before.filter((o) => !objects.some((n) => sameObject(n, o))) : [];
  const added = before ? objects.filter((n) => !before.some((o) => sameObject(n, o))) : [];
  await ctx.record('inventory.recorded', step, 'system', {
    when,
    tokenLabel: session.token.label,
    objects,
    ...(before ? { removed: gone, added } : {}),
  });
  const list = objects.map((o) => `${String(o.class)} "${String(o.label)}"`).join(', ') || 'nothing';
  const difference = before ? ` Since the list before: ${gone.length} removed (${gone.map((o) => `${String(o.class)} "${String(o.label)}"`).join(', ') || 'none'}), ${added.length} added.` : '';
  await ctx.acknowledge(step, `Inventory ${when} destruction recorded`, `Token "${session.token.label}" holds ${objects.length} object(s): ${list}.${difference}`);
};

function sameObject(a: Facts, b: Facts): boolean {
  return a.class === b.class && a.label === b.label && a.id === b.id;
}
