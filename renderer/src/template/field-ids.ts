import { formatPath } from '../../../shared/script/script-problem.js';
import type { DraftPath } from './draft.js';

/** The element id of the field (or section) that edits `path`: the problem list points the keyboard there. */
export function fieldId(path: DraftPath): string {
  return `field-${formatPath(path).replace(/[^A-Za-z0-9]+/g, '-')}`;
}

const SECTION_NAMES: Record<string, string> = {
  id: 'Ceremony id',
  title: 'Title',
  participants: 'Participants',
  hsm: 'HSM',
  keys: 'Keys',
  backup: 'Backup',
  certificates: 'Certificates',
  crls: 'CRLs',
  source: 'Source bundle',
  instructions: 'Team instructions',
};

/** Where a problem is, in words: "Participants › participant 3 › name". */
export function describePath(path: DraftPath): string {
  if (path.length === 0) return 'The script';
  const [first, ...rest] = path;
  const words = [SECTION_NAMES[String(first)] ?? String(first)];
  let list = String(first);
  for (const step of rest) {
    words.push(typeof step === 'number' ? `${ROW_NAMES[list] ?? 'entry'} ${step + 1}` : step);
    if (typeof step === 'string') list = step;
  }
  return words.join(' › ');
}

const ROW_NAMES: Record<string, string> = {
  participants: 'participant',
  keys: 'key',
  custodians: 'custodian',
  certificates: 'certificate',
  crls: 'CRL',
  subject: 'subject line',
};
