import type { ScriptProblem } from '../../../shared/script/script-problem.js';

/** A script that does not check: every problem, with where it is and what is expected. Nothing was run. */
export function ScriptProblems({ file, problems }: { file: string; problems: ScriptProblem[] }) {
  return (
    <section className="error" role="alert" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        The script has {problems.length} problem{problems.length === 1 ? '' : 's'}; nothing was run
      </h2>
      <p className="mono small">{file}</p>
      <ul className="problems">
        {problems.map((p, i) => (
          <li key={i}>
            <span className="mono">
              line {p.line}, column {p.column}
              {p.path ? ` (${p.path})` : ''}
            </span>
            : {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
