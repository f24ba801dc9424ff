import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { WalkRecord } from './ceremony-walker.js';
import { readCustodianCards, type CustodianCard } from './custodian-cards.js';
import type { WizardRoom } from './wizard-room.js';

/** One line of a bundle's transcript.jsonl, as the tests read it. */
export interface TranscriptLine {
  seq: number;
  type: string;
  step: string;
  actor: string;
  data: Record<string, unknown>;
}

/** What the room has once the practice root is made: its bundle (read off the script review's room settings) and its cards. */
export interface PracticeRoot {
  sourceDir: string;
  cards: CustodianCard[];
}

/**
 * Starts the rehearsal of a later kind from the home screen, as a person
 * does: picks the kind, clicks "Rehearse a ceremony", waits while the example
 * root is rehearsed unattended, then reads the practice root's folder off the
 * room settings of the script review and its custodian cards from there.
 */
export async function rehearseLaterKind(room: WizardRoom, kind: string): Promise<PracticeRoot> {
  const page = room.page;
  await page.getByRole('button', { name: 'Rehearse a ceremony' }).waitFor();
  await page.getByLabel('Ceremony to rehearse').selectOption(kind);
  await room.screen('home');
  await page.getByRole('button', { name: 'Rehearse a ceremony' }).click();
  await page.getByRole('note', { name: 'Rehearsal' }).waitFor();
  await page.getByText('Rehearsing the example root ceremony first').waitFor();
  await room.screen('practice-root');
  // The practice root runs unattended before the first question of this ceremony.
  await room.nextQuestion(undefined, 240_000);
  const source = page.locator('.room-settings dd').filter({ hasText: 'custodian cards' }).locator('.mono');
  await source.waitFor();
  const sourceDir = (await source.innerText()).trim();
  return { sourceDir, cards: readCustodianCards(sourceDir) };
}

/** A walk record that starts with each practice custodian's words as read off their card, for the share entry screens. */
export function recordFromCards(cards: readonly CustodianCard[]): WalkRecord {
  return { words: new Map(cards.map((c) => [c.custodian, [...c.words]])), asked: [], receiptProblem: undefined, pinProblem: undefined };
}

/** The transcript of a bundle, line by line. */
export function readTranscript(bundleDir: string): TranscriptLine[] {
  return readFileSync(join(bundleDir, 'transcript.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as TranscriptLine);
}

/** The lines of one event type. */
export function ofType(lines: readonly TranscriptLine[], type: string): TranscriptLine[] {
  return lines.filter((l) => l.type === type);
}

/** Waits until the room shows a refused share entry naming `text`, with the named word's field marked, and takes its picture. */
export async function expectShareRefusedOnScreen(room: WizardRoom, text: string, position: number): Promise<void> {
  const page = room.page;
  await page.getByRole('alert').filter({ hasText: text }).waitFor();
  await expect.poll(() => page.getByLabel(`Word ${position}`, { exact: true }).getAttribute('aria-invalid')).toBe('true');
  await room.screen('share-refused-on-screen');
}
