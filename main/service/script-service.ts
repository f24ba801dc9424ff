import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { JsonValue } from '../../shared/ipc/json.js';
import type { CreatedScript, ScriptCheck, ScriptExample, ScriptTemplate } from '../../shared/ipc/script-channels.js';
import { validateCeremonyScript } from '../../shared/script/ceremony-script.js';
import { ceremonyKinds } from '../../shared/script/common.js';
import { formatPath } from '../../shared/script/script-problem.js';
import { EXAMPLE_ROOT_SCRIPT } from '../ceremony/rehearsal/rehearse.js';
import { loadScript } from '../ceremony/script/load-script.js';
import { ScriptError } from '../ceremony/script/script-error.js';

/** The project's example scripts, one per kind (examples/<kind>.yaml). */
const EXAMPLES_DIR = dirname(EXAMPLE_ROOT_SCRIPT);

type ScriptRequestCode = 'script.path-not-absolute' | 'script.invalid' | 'script.exists' | 'script.folder-missing';

/** Refused request of the script channels. */
export class ScriptRequestError extends Error {
  override readonly name = 'ScriptRequestError';

  constructor(
    readonly code: ScriptRequestCode,
    message: string,
  ) {
    super(message);
  }
}

/** Handlers of the "script" channels. */
export function scriptService(): Handlers['script'] {
  return {
    check: async ({ path }): Promise<ScriptCheck> => {
      try {
        const loaded = await loadScript(absolute(path));
        return { valid: true, file: loaded.file, sha256: loaded.sha256, plan: loaded.plan };
      } catch (error) {
        // A script with problems is an answer to show, line by line; an unreadable one is an error.
        if (error instanceof ScriptError && error.code === 'SCRIPT_INVALID') return { valid: false, file: path, problems: [...error.problems] };
        throw error;
      }
    },
    examples: async (): Promise<ScriptExample[]> => {
      const files = (await readdir(EXAMPLES_DIR)).filter((f) => f.endsWith('.yaml'));
      const found: ScriptExample[] = [];
      for (const kind of ceremonyKinds) {
        if (!files.includes(`${kind}.yaml`)) continue;
        const file = join(EXAMPLES_DIR, `${kind}.yaml`);
        const data = parse(await readFile(file, 'utf8')) as { title?: unknown };
        found.push({ kind, file, title: typeof data.title === 'string' ? data.title : kind });
      }
      return found;
    },
    template: async ({ kind }): Promise<ScriptTemplate> => {
      const file = join(EXAMPLES_DIR, `${kind}.yaml`);
      const data = parse(await readFile(file, 'utf8')) as { [key: string]: JsonValue };
      return { kind, file, data: withAbsoluteFiles(data, EXAMPLES_DIR) };
    },
    create: async ({ path, script }): Promise<CreatedScript> => {
      const file = absolute(path);
      // The form checks with the same schema; checked again here, so nothing the schema refuses is ever written.
      const validated = validateCeremonyScript(script);
      if (!validated.ok) {
        const listed = validated.issues.map((issue) => `${formatPath(issue.path) || 'the script'}: ${issue.message}`).join('; ');
        throw new ScriptRequestError('script.invalid', `The script was not written: ${listed}.`);
      }
      const bytes = new TextEncoder().encode(`# Written by Conclave's "new ceremony" form. Review it, then circulate it with its SHA-256.\n${stringify(script, { lineWidth: 0 })}`);
      try {
        // "wx": a script already there (perhaps the reviewed one) is never replaced.
        await writeFile(file, bytes, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ScriptRequestError('script.exists', `${file} already exists and was left as it is: choose another file name.`);
        if (code === 'ENOENT') throw new ScriptRequestError('script.folder-missing', `The folder ${dirname(file)} does not exist: choose an existing folder (a USB stick's, e.g. /media/admin/STICK).`);
        throw error;
      }
      return { file, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
  };
}

function absolute(path: string): string {
  // A relative path would be read against main's working directory, which the screen knows nothing of.
  if (!isAbsolute(path)) throw new ScriptRequestError('script.path-not-absolute', `Give the script's full path, not "${path}".`);
  return path;
}

/** The example's CSR and transport-key paths, made absolute: they are relative to the examples folder, not to where the new script goes. */
function withAbsoluteFiles(data: { [key: string]: JsonValue }, dir: string): { [key: string]: JsonValue } {
  const fix = (entries: JsonValue | undefined, fields: string[]) => {
    if (!Array.isArray(entries)) return;
    for (const entry of entries) {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
      for (const field of fields) {
        const value = entry[field];
        if (typeof value === 'string' && !isAbsolute(value)) entry[field] = resolve(dir, value);
      }
    }
  };
  fix(data.certificates, ['csr']);
  fix(data.exports, ['transportKey', 'importToken']);
  return data;
}
