import { describe, expect, it } from 'vitest';
import { validateCeremonyScript } from '../../../shared/script/ceremony-script.js';
import { scriptOf, valueAt, withParticipant, withValue, type Draft } from '../../../renderer/src/template/draft.js';
import { describePath, fieldId } from '../../../renderer/src/template/field-ids.js';

const root: Draft = {
  kind: 'root-key-generation',
  participants: [
    { name: 'Alice', role: 'administrator' },
    { name: 'Carol', role: 'custodian' },
    { name: 'Dave', role: 'custodian' },
  ],
  hsm: { token: 'acme', module: '', expect: { manufacturer: '', model: 'SoftHSM v2' } },
  backup: { threshold: 2, custodians: ['Carol', 'Dave'] },
};

describe("the template form's draft", () => {
  it('sets a value deep in the draft without touching the original', () => {
    const next = withValue(root, ['backup', 'threshold'], 3);
    expect(valueAt(next, ['backup', 'threshold'])).toBe(3);
    expect(valueAt(root, ['backup', 'threshold'])).toBe(2);
  });

  it('removes a list entry when its value is set to nothing', () => {
    expect(valueAt(withValue(root, ['participants', 1], undefined), ['participants'])).toEqual([
      { name: 'Alice', role: 'administrator' },
      { name: 'Dave', role: 'custodian' },
    ]);
  });

  it("renames a custodian in the backup's list when the participant is renamed", () => {
    const next = withParticipant(root, 1, { name: 'Carla', role: 'custodian' });
    expect(valueAt(next, ['backup', 'custodians'])).toEqual(['Carla', 'Dave']);
  });

  it('takes a custodian out of the backup when the participant is removed or given another role', () => {
    expect(valueAt(withParticipant(root, 2, null), ['backup', 'custodians'])).toEqual(['Carol']);
    expect(valueAt(withParticipant(root, 1, { name: 'Carol', role: 'witness' }), ['backup', 'custodians'])).toEqual(['Dave']);
  });

  it('gives a new custodian a share at the end of the list', () => {
    expect(valueAt(withParticipant(root, 3, { name: 'Erin', role: 'custodian' }), ['backup', 'custodians'])).toEqual(['Carol', 'Dave', 'Erin']);
  });

  it('leaves out optional HSM fields left empty, which the schema would refuse as empty text', () => {
    expect(scriptOf(root).hsm).toEqual({ token: 'acme', expect: { model: 'SoftHSM v2' } });
    expect(scriptOf(withValue(root, ['hsm', 'expect', 'model'], '')).hsm).toEqual({ token: 'acme' });
  });

  it('keeps an empty required field, so the schema names it', () => {
    const draft = withValue(root, ['participants', 0, 'name'], '');
    expect(valueAt(scriptOf(draft), ['participants', 0, 'name'])).toBe('');
    const checked = validateCeremonyScript(scriptOf(draft));
    expect(checked.ok === false && checked.issues.some((i) => i.path.join('.') === 'participants.0.name')).toBe(true);
  });

  it("names a problem's place in words, and gives each field an id the problem list can lead to", () => {
    expect(describePath(['participants', 2, 'name'])).toBe('Participants › participant 3 › name');
    expect(describePath(['backup', 'threshold'])).toBe('Backup › threshold');
    expect(fieldId(['certificates', 0, 'subject', 1, 'CN'])).toBe('field-certificates-0-subject-1-CN');
  });
});
