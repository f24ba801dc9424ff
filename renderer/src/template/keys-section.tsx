import type { JsonValue } from '../../../shared/ipc/json.js';
import { keyTypeNames } from '../../../shared/script/keys.js';
import { listAt } from './draft.js';
import { fieldId } from './field-ids.js';
import { CheckField, ChoiceField, FieldProblems, TextField } from './fields.js';
import { useTemplateForm } from './template-form.js';

/** The keys generated on the HSM, a row each: name, token label, type from the allowed set, backup, export. */
export function KeysSection() {
  const form = useTemplateForm();
  const keys = listAt(form.draft, ['keys']);
  const add = () => {
    const key: JsonValue = { name: '', label: '', type: 'EC P-384', backup: false };
    form.set(['keys', keys.length], key);
    requestAnimationFrame(() => document.getElementById(fieldId(['keys', keys.length, 'name']))?.focus());
  };
  return (
    <fieldset className="form-section" id={fieldId(['keys'])} tabIndex={-1}>
      <legend>Keys generated on the HSM</legend>
      <p className="hint">The name is how the script refers to a key; the label is its name on the token (pre-flight refuses a label already there). A backed-up key is wrapped under the backup key, never in the clear.</p>
      <FieldProblems path={['keys']} />
      <ol className="rows">
        {keys.map((_, i) => (
          <li key={i} className="row" id={fieldId(['keys', i])} tabIndex={-1}>
            <TextField label={`Key ${i + 1}: name`} path={['keys', i, 'name']} mono />
            <TextField label={`Key ${i + 1}: token label`} path={['keys', i, 'label']} mono />
            <ChoiceField label={`Key ${i + 1}: type`} path={['keys', i, 'type']} choices={keyTypeNames} />
            <CheckField label="Back it up" path={['keys', i, 'backup']} />
            <CheckField label="Exportable later (AES only)" path={['keys', i, 'exportable']} />
            <button type="button" className="remove" aria-label={`Remove key ${i + 1}`} onClick={() => form.set(['keys', i], undefined)}>
              Remove
            </button>
            <FieldProblems path={['keys', i]} />
          </li>
        ))}
      </ol>
      <button type="button" onClick={add}>
        Add a key
      </button>
    </fieldset>
  );
}
