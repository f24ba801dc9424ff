/**
 * The people in the room (design/PRODUCT.md, "What it is"). Every custodian a
 * script names must be one of them, so a share can only go to someone the
 * witness marked present at roll call.
 */
import { z } from 'zod';
import { closestName } from './closest-name.js';
import { whenListValid } from './when-valid.js';

/** What a participant does in the ceremony. */
export const participantRoles = ['administrator', 'witness', 'custodian', 'auditor'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const participantSchema = z.strictObject({
  /** As the person signs the printed transcript. Unique in the script. */
  name: z.string().trim().min(1, 'must not be empty').max(80, 'at most 80 characters'),
  role: z.enum(participantRoles, {
    error: (issue) =>
      issue.input === undefined ? undefined : `unknown role ${JSON.stringify(issue.input)}: expected one of ${participantRoles.join(', ')}`,
  }),
});

/**
 * Everyone present. Exactly one administrator operates the app; at least one
 * witness confirms every step, so no step rests on one person's word.
 */
export const participantsSchema = z
  .array(participantSchema)
  .min(2, 'needs at least an administrator and a witness')
  .superRefine((participants, ctx) => {
    const seen = new Map<string, number>();
    participants.forEach((p, i) => {
      const key = p.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${p.name}" is listed twice (also participant ${first + 1}): every participant needs a distinct name` });
      } else {
        seen.set(key, i);
      }
    });
    const administrators = participants.flatMap((p, i) => (p.role === 'administrator' ? [i] : []));
    if (administrators.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'no administrator: exactly one participant needs role: administrator (the person who operates the app and reads each step aloud)' });
    }
    for (const i of administrators.slice(1)) {
      ctx.addIssue({ code: 'custom', path: [i, 'role'], message: `a second administrator: exactly one participant operates the app (the first is "${participants[administrators[0]!]!.name}"); make this one a witness` });
    }
    if (!participants.some((p) => p.role === 'witness')) {
      ctx.addIssue({ code: 'custom', path: [], message: 'no witness: at least one participant needs role: witness (the person who confirms every step)' });
    }
  }, whenListValid());

export type Participant = z.output<typeof participantSchema>;

/**
 * Checks that each name in `names` is a participant with role custodian.
 * Adds one issue per name that is not, at `path` + index.
 */
export function checkCustodianNames(
  participants: readonly Participant[],
  names: readonly string[],
  path: (string | number)[],
  ctx: z.core.$RefinementCtx,
): void {
  names.forEach((name, i) => {
    const person = participants.find((p) => p.name === name);
    if (person === undefined) {
      const near = closestName(name, participants.filter((p) => p.role === 'custodian').map((p) => p.name));
      const hint = near ? ` (did you mean "${near}"?)` : '';
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `"${name}" is not among the participants${hint}: a custodian must be listed under participants with role: custodian` });
    } else if (person.role !== 'custodian') {
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `"${name}" is a participant with role ${person.role}, not custodian: only a custodian may hold a share` });
    }
  });
}

/**
 * Checks that every participant with role custodian has something to do
 * (is named in one of `lists`): a custodian who receives or brings no share
 * is most likely a name missing from the backup.
 */
export function checkEveryCustodianTakesPart(
  participants: readonly Participant[],
  named: ReadonlySet<string>,
  where: string,
  ctx: z.core.$RefinementCtx,
): void {
  participants.forEach((p, i) => {
    if (p.role === 'custodian' && !named.has(p.name)) {
      ctx.addIssue({ code: 'custom', path: ['participants', i, 'name'], message: `"${p.name}" is a custodian but is not named in ${where}: add them there, or give them another role` });
    }
  });
}

/** Checks that a list of names has no repeats; one issue per repeat. */
export function checkNoRepeats(names: readonly string[], what: string, path: (string | number)[], ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `${what} "${name}" appears twice` });
    seen.add(name);
  });
}
