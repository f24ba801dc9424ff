import { valueAt, listAt } from './draft.js';
import { fieldId } from './field-ids.js';
import { FieldProblems, NumberField } from './fields.js';
import { useTemplateForm } from './template-form.js';

/** When each CRL's next update is due; revoked serials and numbering are the example's. */
export function CrlsSection() {
  const form = useTemplateForm();
  const crls = listAt(form.draft, ['crls']);
  if (crls.length === 0) return null;
  return (
    <fieldset className="form-section" id={fieldId(['crls'])} tabIndex={-1}>
      <legend>CRLs</legend>
      <p className="hint">nextUpdate is at most 365 days after signing (BR §4.9.7): sign the next CRL before then.</p>
      <FieldProblems path={['crls']} />
      {crls.map((crl, i) => {
        const name = String(valueAt(crl, ['name']) ?? `CRL ${i + 1}`);
        return (
          <div key={i} id={fieldId(['crls', i])} tabIndex={-1}>
            <NumberField label={`CRL ${name}: next update due (days after signing)`} path={['crls', i, 'nextUpdateDays']} />
            <FieldProblems path={['crls', i]} />
          </div>
        );
      })}
    </fieldset>
  );
}
