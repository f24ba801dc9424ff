import { participantRoles } from '../../../shared/script/participants.js';
import { listAt, withParticipant, type ParticipantRow } from './draft.js';
import { fieldId } from './field-ids.js';
import { FieldProblems } from './fields.js';
import { useTemplateForm } from './template-form.js';

/** Everyone in the room, a row each, added and removed; the backup's custodians follow the custodian rows. */
export function ParticipantsSection() {
  const form = useTemplateForm();
  const rows = listAt(form.draft, ['participants']) as unknown as ParticipantRow[];
  const change = (index: number, next: ParticipantRow | null) => form.update((draft) => withParticipant(draft, index, next));
  const add = () => {
    change(rows.length, { name: '', role: 'custodian' });
    // The keyboard goes to the new row's name, where typing starts.
    requestAnimationFrame(() => document.getElementById(fieldId(['participants', rows.length, 'name']))?.focus());
  };
  return (
    <fieldset className="form-section" id={fieldId(['participants'])} tabIndex={-1}>
      <legend>Participants</legend>
      <p className="hint">Exactly one administrator and at least one witness. Each custodian receives one share of the backup key. An auditor is optional. Names are printed on the signature lines.</p>
      <FieldProblems path={['participants']} />
      <ol className="rows">
        {rows.map((row, i) => {
          const nameId = fieldId(['participants', i, 'name']);
          const roleId = fieldId(['participants', i, 'role']);
          const problems = (field: string) => form.problemsAt(['participants', i, field]).length > 0;
          return (
            <li key={i} className="row" id={fieldId(['participants', i])} tabIndex={-1}>
              <div className={problems('name') ? 'field field-invalid' : 'field'}>
                <label htmlFor={nameId}>Participant {i + 1}: name</label>
                <input id={nameId} value={row.name} autoComplete="off" aria-invalid={problems('name')} aria-describedby={problems('name') ? `${nameId}-problems` : undefined} onChange={(e) => change(i, { ...row, name: e.target.value })} />
                <FieldProblems path={['participants', i, 'name']} />
              </div>
              <div className={problems('role') ? 'field field-invalid' : 'field'}>
                <label htmlFor={roleId}>Participant {i + 1}: role</label>
                <select id={roleId} value={row.role} aria-invalid={problems('role')} aria-describedby={problems('role') ? `${roleId}-problems` : undefined} onChange={(e) => change(i, { ...row, role: e.target.value })}>
                  {participantRoles.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
                <FieldProblems path={['participants', i, 'role']} />
              </div>
              <button type="button" className="remove" aria-label={`Remove participant ${i + 1}${row.name ? ` (${row.name})` : ''}`} onClick={() => change(i, null)}>
                Remove
              </button>
              <FieldProblems path={['participants', i]} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={add}>
        Add a participant
      </button>
    </fieldset>
  );
}
