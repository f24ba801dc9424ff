import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { UsageError } from './args.js';
import type { PresetAnswers } from './terminal-host.js';

const answersSchema = z.strictObject({
  acknowledge: z.boolean().optional(),
  confirm: z.boolean().optional(),
  media: z.array(z.string().min(1)).optional(),
  sealedShareFolders: z.record(z.string().min(1), z.string().min(1)).optional(),
});

/**
 * Reads `--answers FILE` (YAML or JSON): acknowledge: true, confirm: true,
 * media: [folders], sealedShareFolders: {custodian: folder}. PINs, share
 * words and passphrases are never in it: PINs come from --pin-source, a
 * custodian proves receipt by typing the words and types their passphrase.
 * @throws UsageError naming what is wrong.
 */
export function readAnswersFile(path: string): PresetAnswers {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the answers file ${path}: ${(error as Error).message}`);
  }
  const result = answersSchema.safeParse(data ?? {});
  if (!result.success) {
    throw new UsageError(`The answers file ${path} is not valid: ${result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}. It may hold acknowledge: true, confirm: true and media: [folders], and sealedShareFolders: {custodian: folder}.`);
  }
  return result.data;
}
