import { valueAt } from './draft.js';
import { fieldId } from './field-ids.js';
import { FieldProblems } from './fields.js';
import { useTemplateForm } from './template-form.js';

/**
 * The team's own words for a step, as the example has them: edited or
 * removed here (the example's name a participant who may not be in this
 * ceremony). Step ids are checked against the plan once the script is saved
 * and opened for review.
 */
export function InstructionsSection() {
  const form = useTemplateForm();
  const found = valueAt(form.draft, ['instructions']);
  const entries = found !== null && typeof found === 'object' && !Array.isArray(found) ? Object.entries(found) : [];
  if (entries.length === 0) return null;
  return (
    <fieldset className="form-section" id={fieldId(['instructions'])} tabIndex={-1}>
      <legend>Team instructions</legend>
      <p className="hint">Shown under a step&apos;s standard instructions and printed in the transcript, keyed by step id.</p>
      <FieldProblems path={['instructions']} />
      <ol className="rows">
        {entries.map(([step, text]) => {
          const path = ['instructions', step];
          const invalid = form.problemsAt(path).length > 0;
          return (
            <li key={step} className="row">
              <div className={invalid ? 'field field-invalid' : 'field'}>
                <label htmlFor={fieldId(path)}>
                  Step <span className="mono">{step}</span>
                </label>
                <textarea id={fieldId(path)} rows={2} value={typeof text === 'string' ? text : ''} aria-invalid={invalid} aria-describedby={invalid ? `${fieldId(path)}-problems` : undefined} onChange={(e) => form.set(path, e.target.value)} />
                <FieldProblems path={path} />
              </div>
              <button type="button" className="remove" aria-label={`Remove the instruction for step ${step}`} onClick={() => form.set(path, undefined)}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
