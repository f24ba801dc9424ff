/**
 * A problem found in a script file, where it is and what is expected.
 * Shared so the app can show the same list the CLI prints.
 */

export interface ScriptProblem {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
  /** Where in the script, e.g. "backup.threshold" or "participants[2].role"; "" for the file as a whole. */
  path: string;
  /** What is wrong and what is expected instead. */
  message: string;
  /** yaml: the file is not valid YAML; schema: a field is wrong; file: a file the script names is missing; step: an instruction names no step. */
  source: 'yaml' | 'schema' | 'file' | 'step';
}

/** "participants[2].role" for ["participants", 2, "role"]. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`), '');
}
