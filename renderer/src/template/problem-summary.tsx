import type { SchemaIssue } from '../../../shared/script/ceremony-script.js';
import { describePath, fieldId } from './field-ids.js';

/** Moves the keyboard to the field a problem is about, or to the nearest section around it. */
function focusField(path: readonly (string | number)[]): void {
  for (let end = path.length; end >= 0; end--) {
    const element = document.getElementById(fieldId(path.slice(0, end)));
    if (element) {
      element.focus();
      return;
    }
  }
}

/** Every problem the schema finds, all at once, each naming its field and leading the keyboard there. */
export function ProblemSummary({ issues }: { issues: SchemaIssue[] }) {
  return (
    <section className="error problem-summary" role="alert" aria-labelledby="template-problems-heading" id="template-problems" tabIndex={-1}>
      <h2 id="template-problems-heading">
        {issues.length} problem{issues.length === 1 ? '' : 's'} to fix before the script can be saved
      </h2>
      <ul className="problems">
        {issues.map((issue, i) => (
          <li key={i}>
            <button type="button" className="link" onClick={() => focusField(issue.path)}>
              {describePath(issue.path)}
            </button>
            : {issue.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
