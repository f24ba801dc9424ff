import type { JsonValue } from '../../../shared/ipc/json.js';
import { subjectAttributeNames } from '../../../shared/script/subject.js';
import { listAt, valueAt, type DraftPath } from './draft.js';
import { fieldId } from './field-ids.js';
import { FieldProblems, NumberField, TextField } from './fields.js';
import { useTemplateForm } from './template-form.js';

/** Each certificate's subject (a line per attribute, in order) and validity; the rest of each comes from the example. */
export function CertificatesSection() {
  const form = useTemplateForm();
  const certificates = listAt(form.draft, ['certificates']);
  return (
    <fieldset className="form-section" id={fieldId(['certificates'])} tabIndex={-1}>
      <legend>Certificates</legend>
      <p className="hint">A CA certificate&apos;s subject needs C (two capital letters), O and CN, and no OU (BR §7.1.2.10.2). A root is valid at most 9132 days. Profiles, extensions and request files are the example&apos;s.</p>
      <FieldProblems path={['certificates']} />
      {certificates.map((certificate, i) => {
        const name = String(valueAt(certificate, ['name']) ?? `certificate ${i + 1}`);
        const profile = String(valueAt(certificate, ['profile']) ?? '');
        const validity = valueAt(certificate, ['validity']);
        return (
          <fieldset key={i} className="row-group" id={fieldId(['certificates', i])} tabIndex={-1}>
            <legend>
              {name} <span className="tag-plain">{profile}</span>
            </legend>
            <FieldProblems path={['certificates', i]} />
            <SubjectLines path={['certificates', i, 'subject']} owner={name} />
            {validity !== null && typeof validity === 'object' && 'notAfter' in validity ? (
              <TextField label={`${name}: valid until (UTC)`} path={['certificates', i, 'validity', 'notAfter']} mono />
            ) : (
              <NumberField label={`${name}: valid for (days from signing)`} path={['certificates', i, 'validity', 'days']} />
            )}
            <FieldProblems path={['certificates', i, 'validity']} />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/** A subject as ordered lines, one attribute each. */
function SubjectLines({ path, owner }: { path: DraftPath; owner: string }) {
  const form = useTemplateForm();
  const lines = listAt(form.draft, path);
  return (
    <div className="subject" id={fieldId(path)} tabIndex={-1}>
      <p className="field-title">{owner}: subject</p>
      <FieldProblems path={path} />
      <ol className="rows">
        {lines.map((line, j) => {
          const [attribute = 'CN', value = ''] = Object.entries(line !== null && typeof line === 'object' ? line : {})[0] ?? [];
          const valuePath = [...path, j, attribute];
          const attributeId = `${fieldId([...path, j])}-attribute`;
          const invalid = form.problemsAt(valuePath).length > 0;
          const setLine = (next: JsonValue) => form.set([...path, j], next);
          return (
            <li key={j} className="row subject-line" id={fieldId([...path, j])} tabIndex={-1}>
              <div className="field">
                <label htmlFor={attributeId}>
                  {owner}: line {j + 1}, attribute
                </label>
                <select id={attributeId} value={attribute} onChange={(e) => setLine({ [e.target.value]: value })}>
                  {subjectAttributeNames.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <div className={invalid ? 'field field-invalid' : 'field'}>
                <label htmlFor={fieldId(valuePath)}>
                  {owner}: line {j + 1}, {attribute} value
                </label>
                <input id={fieldId(valuePath)} value={typeof value === 'string' ? value : String(value)} autoComplete="off" aria-invalid={invalid} aria-describedby={invalid ? `${fieldId(valuePath)}-problems` : undefined} onChange={(e) => setLine({ [attribute]: e.target.value })} />
                <FieldProblems path={valuePath} />
              </div>
              <button type="button" className="remove" aria-label={`Remove line ${j + 1} of ${owner}'s subject`} onClick={() => form.set([...path, j], undefined)}>
                Remove
              </button>
              <FieldProblems path={[...path, j]} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => form.set([...path, lines.length], { CN: '' })}>
        Add a subject line to {owner}
      </button>
    </div>
  );
}
