import { fieldId } from './field-ids.js';
import { FieldProblems, TextField } from './fields.js';
import { useTemplateForm } from './template-form.js';

/** The ceremony's id and title; for a kind that builds on an earlier ceremony, the bundle it builds on. */
export function CeremonySection() {
  const form = useTemplateForm();
  return (
    <fieldset className="form-section" id={fieldId([])} tabIndex={-1}>
      <legend>The ceremony</legend>
      <FieldProblems path={[]} />
      <TextField label="Ceremony id" path={['id']} mono hint="Unique per ceremony: it goes into the backup and every share. Lowercase letters, digits, “.”, “_” and “-”." />
      <TextField label="Title" path={['title']} hint="One line, printed at the top of the transcript." />
      {form.draft.kind !== 'root-key-generation' ? (
        <TextField label="Source bundle folder" path={['source']} mono hint="The evidence bundle of the ceremony this one builds on (relative to the script's folder, or a full path). A rehearsal uses its own practice bundle instead." />
      ) : null}
    </fieldset>
  );
}

/** The HSM token: module, label, and what it must report (each optional). */
export function HsmSection() {
  return (
    <fieldset className="form-section" id={fieldId(['hsm'])} tabIndex={-1}>
      <legend>HSM</legend>
      <FieldProblems path={['hsm']} />
      <TextField label="PKCS#11 module (optional)" path={['hsm', 'module']} mono hint="Depends on the room's machine: may be left empty and given on the day, shown apart from the script." />
      <TextField label="Token label" path={['hsm', 'token']} mono />
      <TextField label="Expected manufacturer (optional)" path={['hsm', 'expect', 'manufacturer']} />
      <TextField label="Expected model (optional)" path={['hsm', 'expect', 'model']} />
      <TextField label="Expected serial number (optional)" path={['hsm', 'expect', 'serial']} mono hint="Pre-flight stops the ceremony if the token reports anything else than what is given here." />
      <FieldProblems path={['hsm', 'expect']} />
    </fieldset>
  );
}
