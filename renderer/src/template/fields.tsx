import type { ReactNode } from 'react';
import { valueAt, type DraftPath } from './draft.js';
import { fieldId } from './field-ids.js';
import { useTemplateForm } from './template-form.js';

/** The schema's problems with one field or section, in words, beside it. Text says it, not only colour. */
export function FieldProblems({ path }: { path: DraftPath }) {
  const problems = useTemplateForm().problemsAt(path);
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" id={`${fieldId(path)}-problems`}>
      {problems.map((problem, i) => (
        <li key={i}>{problem}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  path: DraftPath;
  hint?: string;
  mono?: boolean;
}

function describedBy(path: DraftPath, hint: string | undefined, problems: string[]): string | undefined {
  const ids = [hint ? `${fieldId(path)}-hint` : '', problems.length > 0 ? `${fieldId(path)}-problems` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Field({ label, path, hint, children }: { label: string; path: DraftPath; hint: string | undefined; children: ReactNode }) {
  const invalid = useTemplateForm().problemsAt(path).length > 0;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={fieldId(path)}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId(path)}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldProblems path={path} />
    </div>
  );
}

/** A line of text at `path`. */
export function TextField({ label, path, hint, mono = false }: FieldProps) {
  const form = useTemplateForm();
  const value = valueAt(form.draft, path);
  const problems = form.problemsAt(path);
  return (
    <Field label={label} path={path} hint={hint}>
      <input
        id={fieldId(path)}
        className={mono ? 'mono' : undefined}
        value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy(path, hint, problems)}
        onChange={(e) => form.set(path, e.target.value)}
      />
    </Field>
  );
}

/** A whole number at `path`; left empty, the field is left out (the schema then says what is missing). */
export function NumberField({ label, path, hint }: FieldProps) {
  const form = useTemplateForm();
  const value = valueAt(form.draft, path);
  const problems = form.problemsAt(path);
  return (
    <Field label={label} path={path} hint={hint}>
      <input
        id={fieldId(path)}
        type="number"
        className="number"
        value={typeof value === 'number' ? value : ''}
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy(path, hint, problems)}
        onChange={(e) => form.set(path, e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </Field>
  );
}

/** One of a fixed set of values at `path` (a role, a key type). */
export function ChoiceField({ label, path, hint, choices }: FieldProps & { choices: readonly string[] }) {
  const form = useTemplateForm();
  const value = valueAt(form.draft, path);
  const problems = form.problemsAt(path);
  return (
    <Field label={label} path={path} hint={hint}>
      <select
        id={fieldId(path)}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy(path, hint, problems)}
        onChange={(e) => form.set(path, e.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** true or false at `path`. */
export function CheckField({ label, path, hint }: FieldProps) {
  const form = useTemplateForm();
  const problems = form.problemsAt(path);
  return (
    <div className={problems.length > 0 ? 'field check-field field-invalid' : 'field check-field'}>
      <input
        id={fieldId(path)}
        type="checkbox"
        checked={valueAt(form.draft, path) === true}
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy(path, hint, problems)}
        onChange={(e) => form.set(path, e.target.checked)}
      />
      <label htmlFor={fieldId(path)}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId(path)}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldProblems path={path} />
    </div>
  );
}
