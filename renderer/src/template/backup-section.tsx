import { listAt, type ParticipantRow } from './draft.js';
import { fieldId } from './field-ids.js';
import { CheckField, FieldProblems, NumberField } from './fields.js';
import { useTemplateForm } from './template-form.js';

/** The backup: the threshold, which custodians hold a share (from the participants), the USB copies, sealed share files. */
export function BackupSection() {
  const form = useTemplateForm();
  const custodians = (listAt(form.draft, ['participants']) as unknown as ParticipantRow[]).filter((p) => p.role === 'custodian').map((p) => p.name);
  const chosen = listAt(form.draft, ['backup', 'custodians']);
  const toggle = (name: string, on: boolean) => {
    // Share numbers follow the participants' order, so the list is rebuilt in that order.
    const next = custodians.filter((c) => (c === name ? on : chosen.includes(c)));
    form.set(['backup', 'custodians'], next);
  };
  return (
    <fieldset className="form-section" id={fieldId(['backup'])} tabIndex={-1}>
      <legend>Backup</legend>
      <p className="hint">The backup key is split so that any threshold of the custodians can rebuild it, and fewer learn nothing: 2 ≤ threshold ≤ number of custodians.</p>
      <FieldProblems path={['backup']} />
      <NumberField label="Threshold: custodians needed to rebuild the backup key" path={['backup', 'threshold']} />
      <fieldset className="choices" id={fieldId(['backup', 'custodians'])} tabIndex={-1}>
        <legend>Custodians who receive a share (share 1 to the first)</legend>
        {custodians.length === 0 ? <p className="hint">No participant has the role custodian yet: give some the role above.</p> : null}
        {custodians.map((name, i) => {
          const id = `${fieldId(['backup', 'custodians'])}-${i}`;
          return (
            <div key={`${i}-${name}`} className="check-field">
              <input id={id} type="checkbox" checked={chosen.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
              <label htmlFor={id}>{name || `Custodian ${i + 1} (no name yet)`}</label>
            </div>
          );
        })}
        <FieldProblems path={['backup', 'custodians']} />
        {chosen.map((_, i) => (
          <FieldProblems key={i} path={['backup', 'custodians', i]} />
        ))}
      </fieldset>
      <NumberField label="USB copies of the wrapped backup" path={['backup', 'usbCopies']} hint="Each copy is written, read back and compared." />
      <CheckField label="Sealed share files" path={['backup', 'sealedShareFiles']} hint="Each custodian also gets their share as a USB file sealed under a passphrase they choose." />
      <CheckField label="Custodian cards in the bundle" path={['backup', 'cardsInBundle']} hint="A rehearsal always writes them; a real ceremony only prints them unless this is ticked." />
    </fieldset>
  );
}
