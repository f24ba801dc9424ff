import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScriptTemplate } from '../../../shared/ipc/script-channels.js';
import type { ErrorValue } from '../../../shared/result.js';
import { validateCeremonyScript } from '../../../shared/script/ceremony-script.js';
import type { CeremonyKind } from '../../../shared/script/common.js';
import { formatPath } from '../../../shared/script/script-problem.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ErrorNotice } from '../common/error-notice.js';
import { PageFrame } from '../common/page-frame.js';
import { useResult } from '../common/use-result.js';
import { BackupSection } from './backup-section.js';
import { CeremonySection, HsmSection } from './ceremony-section.js';
import { CertificatesSection } from './certificates-section.js';
import { CrlsSection } from './crls-section.js';
import { scriptOf, withValue, type Draft } from './draft.js';
import { InstructionsSection } from './instructions-section.js';
import { KeysSection } from './keys-section.js';
import { ParticipantsSection } from './participants-section.js';
import { ProblemSummary } from './problem-summary.js';
import { SaveForm } from './save-form.js';
import { TemplateFormContext, type TemplateForm } from './template-form.js';

/**
 * "New ceremony from a template": a kind's example script as a form, checked
 * with the same schema the loader uses, so nothing the schema refuses can be
 * saved; every problem is shown beside its field and listed at the top, all
 * at once. Saved as a new YAML file through main, then opened for review.
 */
export function TemplatePage({ api, navigate }: { api: ConclaveApi; navigate: Navigate }) {
  const [examples] = useResult(() => api.script.examples({}));
  const [kind, setKind] = useState<CeremonyKind>('root-key-generation');
  const [template, setTemplate] = useState<ScriptTemplate | undefined>(undefined);
  const [loadProblem, setLoadProblem] = useState<ErrorValue | undefined>(undefined);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [attempted, setAttempted] = useState(false);
  const [saveProblem, setSaveProblem] = useState<ErrorValue | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    void api.script.template({ kind }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setTemplate(result.value);
        setDraft(result.value.data);
        setLoadProblem(undefined);
      } else setLoadProblem(result.error);
      setAttempted(false);
    });
    return () => {
      current = false;
    };
  }, [api, kind]);

  const checked = useMemo(() => (draft ? validateCeremonyScript(scriptOf(draft)) : undefined), [draft]);
  const issues = useMemo(() => (attempted && checked && !checked.ok ? checked.issues : []), [attempted, checked]);
  const byPath = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of issues) map.set(formatPath(issue.path), [...(map.get(formatPath(issue.path)) ?? []), issue.message]);
    return map;
  }, [issues]);
  const problemsAt = useCallback((path: readonly (string | number)[]) => byPath.get(formatPath(path)) ?? [], [byPath]);

  const save = async (path: string) => {
    if (!draft || !checked) return;
    setAttempted(true);
    setSaveProblem(undefined);
    if (!checked.ok) {
      requestAnimationFrame(() => document.getElementById('template-problems')?.focus());
      return;
    }
    setSaving(true);
    const result = await api.script.create({ path, script: scriptOf(draft) });
    setSaving(false);
    if (result.ok) navigate({ page: 'script', path: result.value.file, created: true });
    else setSaveProblem(result.error);
  };

  const form: TemplateForm | undefined = draft
    ? { draft, set: (path, value) => setDraft((d) => (d ? withValue(d, path, value) : d)), update: (change) => setDraft((d) => (d ? change(d) : d)), problemsAt }
    : undefined;

  return (
    <PageFrame title="New ceremony from a template" onHome={() => navigate({ page: 'home' })}>
      <section className="panel" aria-labelledby="kind-heading">
        <h2 id="kind-heading">Start from an example</h2>
        <label htmlFor="template-kind">Kind of ceremony</label>
        <p className="hint" id="template-kind-hint">
          The form starts from the project&apos;s example script of that kind: edit what differs for your ceremony.
        </p>
        <select id="template-kind" aria-describedby="template-kind-hint" value={kind} onChange={(e) => setKind(e.target.value as CeremonyKind)}>
          {examples.state === 'done' && examples.result.ok
            ? examples.result.value.map((example) => (
                <option key={example.kind} value={example.kind}>
                  {example.kind}
                </option>
              ))
            : <option value="root-key-generation">root-key-generation</option>}
        </select>
        {template ? (
          <p className="hint">
            From <span className="mono">{template.file}</span>
          </p>
        ) : null}
        {loadProblem ? <ErrorNotice error={loadProblem} /> : null}
      </section>

      {form && template?.kind === kind ? (
        <TemplateFormContext.Provider value={form}>
          <form className="template-form" onSubmit={(e) => e.preventDefault()} aria-label="The ceremony script">
            {issues.length > 0 ? <ProblemSummary issues={issues} /> : null}
            <CeremonySection />
            <ParticipantsSection />
            <HsmSection />
            {kind === 'root-key-generation' ? (
              <>
                <KeysSection />
                <BackupSection />
              </>
            ) : (
              <p className="notice">
                The other sections of a {kind} script are the example&apos;s, as they are saved: edit the file with a text editor where yours differ, then open it again here to check it.
              </p>
            )}
            <CertificatesSection />
            <CrlsSection />
            <InstructionsSection />
          </form>
          <SaveForm id={String(form.draft.id ?? '')} busy={saving} problem={saveProblem} onSave={(path) => void save(path)} />
        </TemplateFormContext.Provider>
      ) : loadProblem ? null : (
        <p aria-live="polite">Reading the example…</p>
      )}
    </PageFrame>
  );
}
