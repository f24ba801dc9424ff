import { expect } from 'vitest';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import { STICK_NAME, type WizardRoom } from './wizard-room.js';

/** What the walk saw: each custodian's words as read off the hand-off screen, and what each question was. */
export interface WalkRecord {
  words: Map<string, string[]>;
  asked: HostQuestion['kind'][];
  /** The problem shown when a re-entered share was refused (the walk mistypes one word of the second custodian). */
  receiptProblem: string | undefined;
  /** Why the PIN screen refused the first PIN, when the walk typed a wrong one first. */
  pinProblem: string | undefined;
}

export interface WalkOptions {
  /** Stops walking (without answering) at the first question this accepts. */
  until?: (question: HostQuestion) => boolean;
  /** The custodian whose hand-off and re-entry are done with the keyboard alone. */
  keyboardCustodian?: string;
  /** Every answer with the keyboard alone: the focus must already be where the answer is given. */
  keyboardOnly?: boolean;
  /** Types a wrong PIN first, then the practice PIN. */
  wrongPinFirst?: boolean;
  /** The custodian who mistypes a word when re-entering, and corrects it. */
  mistypingCustodian?: string;
  record?: WalkRecord;
}

/** Screenshot names by the kind of screen, for the first of each. */
function screenName(question: HostQuestion, stepType: string | undefined): string {
  if (question.kind !== 'acknowledge') return question.kind;
  if (stepType === 'certificate.sign') return question.title.endsWith(' reviewed') ? 'certificate-review' : 'certificate-signed';
  return stepType === 'open' ? 'script-review' : (stepType ?? 'acknowledge').replace(/\./g, '-');
}

/**
 * Walks the ceremony on screen as the room would: reads the screen, clicks
 * and types, question after question, until the run is no longer running or
 * `until` says stop. Uses the engine only to know that a new question is up.
 */
export async function walkCeremony(room: WizardRoom, options: WalkOptions = {}): Promise<WalkRecord> {
  const record: WalkRecord = options.record ?? { words: new Map(), asked: [], receiptProblem: undefined, pinProblem: undefined };
  const page = room.page;
  let previous: string | undefined;
  for (;;) {
    const status = room.engine.ceremonies.status();
    if (status?.state !== 'running') return record;
    const question = await room.nextQuestion(previous);
    if (!question) continue;
    if (options.until?.(question)) return record;
    previous = question.id;
    record.asked.push(question.kind);
    const stepType = status.script.plan.steps.find((s) => s.id === question.step)?.action.type;
    switch (question.kind) {
      case 'acknowledge': {
        const button = page.locator('.acknowledge button.primary');
        await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
        await room.screen(screenName(question, stepType));
        if (options.keyboardOnly) await pressWhenFocused(room, { text: await button.innerText() });
        else await button.click();
        break;
      }
      case 'enter-pin': {
        const practicePin = await page.locator('.practice-pin .mono').innerText();
        const wrong = options.wrongPinFirst === true && record.pinProblem === undefined && question.problem === undefined;
        const pin = wrong ? 'not-the-pin' : practicePin;
        if (question.problem) {
          record.pinProblem = question.problem;
          await room.screen('enter-pin-refused');
        }
        if (options.keyboardOnly) {
          await expect.poll(() => focused(room)).toMatchObject({ id: 'pin' });
          await page.keyboard.type(pin);
          await page.keyboard.press('Enter');
          break;
        }
        await page.getByLabel(/User PIN/).fill(pin);
        await room.screen('enter-pin');
        await page.getByRole('button', { name: 'Log in' }).click();
        break;
      }
      case 'confirm': {
        // Keyboard only: the field has the focus; type the word the screen names, Enter.
        const word = await page.locator('.confirm-form label strong').innerText();
        await expect.poll(() => focused(room)).toMatchObject({ id: 'confirm-word' });
        await page.keyboard.type(word);
        await room.screen('confirm');
        await page.keyboard.press('Enter');
        break;
      }
      case 'present-share':
        record.words.set(question.custodian, await handOff(room, question.custodian, options.keyboardOnly === true || question.custodian === options.keyboardCustodian));
        break;
      case 'take-share': {
        const custodian = question.custodian!;
        const words = record.words.get(custodian)!;
        if (question.problem) {
          record.receiptProblem = question.problem;
          await room.screen('take-share-refused');
          // Correct the one word typed wrong; the others stay as typed.
          await page.getByLabel('Word 5', { exact: true }).fill(words[4]!.slice(0, 4));
          await page.getByRole('button', { name: `Check ${custodian}'s share` }).click();
          break;
        }
        const typed = words.map((w) => w.slice(0, 4));
        if (custodian === options.mistypingCustodian) typed[4] = typed[4] === 'abso' ? 'abst' : 'abso';
        if (options.keyboardOnly || custodian === options.keyboardCustodian) {
          await expect.poll(() => focused(room)).toMatchObject({ label: 'Word 1' });
          await page.keyboard.type(typed.join(' '));
          await room.screen('take-share');
          await page.keyboard.press('Enter');
        } else {
          for (const [i, word] of typed.entries()) await page.getByLabel(`Word ${i + 1}`, { exact: true }).fill(word);
          await page.getByRole('button', { name: `Check ${custodian}'s share` }).click();
        }
        break;
      }
      case 'choose-media':
        if (options.keyboardOnly) await pressWhenFocused(room, { text: `Write to ${STICK_NAME}` });
        else await page.getByRole('button', { name: `Write to ${STICK_NAME}` }).click({ timeout: 10_000 });
        await room.screen('choose-media');
        break;
    }
  }
}

/** One hand-off: privacy, reveal, read the words off the screen, hide. By keyboard alone for `keyboard`. */
async function handOff(room: WizardRoom, custodian: string, keyboard: boolean): Promise<string[]> {
  const page = room.page;
  const reveal = page.getByRole('button', { name: `Show ${custodian}'s share` });
  await expect.poll(() => reveal.isEnabled(), { timeout: 10_000 }).toBe(true);
  await expect(await page.getByRole('heading', { name: `Only ${custodian} should see the screen now.` }).count()).toBe(1);
  await room.screen('handoff-privacy');
  if (keyboard) {
    await expect.poll(() => focused(room)).toMatchObject({ text: `Show ${custodian}'s share` });
    await page.keyboard.press('Enter');
  } else await reveal.click();
  const words = await page.locator('.share-word').allInnerTexts();
  await room.screen('handoff-words');
  if (keyboard) {
    await expect.poll(() => focused(room)).toMatchObject({ text: 'Hide the share' });
    await page.keyboard.press('Enter');
  } else await page.getByRole('button', { name: 'Hide the share' }).click();
  await expect.poll(() => page.locator('.share-word').count()).toBe(0);
  return words.map((w) => w.trim());
}

/** Waits until the keyboard focus is on the element described, then presses Enter there. */
async function pressWhenFocused(room: WizardRoom, expected: { text: string }): Promise<void> {
  await expect.poll(() => focused(room), { timeout: 10_000 }).toMatchObject(expected);
  await room.page.keyboard.press('Enter');
}

/** The element that has the keyboard focus: its id, accessible label and text. */
export function focused(room: WizardRoom): Promise<{ id: string; label: string | null; text: string }> {
  return room.page.evaluate(() => {
    const element = (globalThis as unknown as { document: { activeElement: { id: string; textContent: string | null; getAttribute(name: string): string | null } | null } }).document.activeElement;
    return { id: element?.id ?? '', label: element?.getAttribute('aria-label') ?? null, text: element?.textContent ?? '' };
  });
}
