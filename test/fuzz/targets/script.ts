import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkScriptText } from '../../../main/ceremony/script/load-script.js';
import { ScriptError } from '../../../main/ceremony/script/script-error.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { mutateBytes } from '../mutate-bytes.js';
import { mutateLines, mutateValue } from '../mutate-text.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const SOURCES = new Set(['yaml', 'schema', 'file', 'step']);

/**
 * checkScriptText on damaged ceremony scripts (every example, edited as a
 * YAML file, as a document, and as bytes): a plan, or problems that each
 * name a line and column inside the text and say what is expected.
 */
export const scriptTarget: FuzzTarget = {
  name: 'script',
  perInputMs: 2000,
  async prepare() {
    const corpus = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
    return {
      next(random) {
        const text = random.pick(corpus);
        const choice = random.int(10);
        if (choice < 2) return mutateBytes(Buffer.from(text, 'utf8'), random, Buffer.from(random.pick(corpus), 'utf8'));
        if (choice < 6) {
          const mutated = mutateLines(text, random);
          return { bytes: Buffer.from(mutated.text, 'utf8'), how: mutated.how };
        }
        const document: unknown = parse(text);
        const how = [mutateValue(document, random)];
        return { bytes: Buffer.from(stringify(document), 'utf8'), how };
      },
      async run(input) {
        const text = Buffer.from(input).toString('utf8');
        const result = await checkScriptText(text, EXAMPLES);
        if (result.ok) return 'accepted';
        const lineCount = text.split('\n').length;
        for (const p of result.problems) {
          if (!(p.line >= 1 && p.line <= lineCount + 1 && p.column >= 1 && p.message.trim() !== '' && SOURCES.has(p.source))) {
            throw new Error(`a problem points outside the script or says nothing: ${JSON.stringify(p).slice(0, 300)}`);
          }
        }
        return `problems:${result.problems[0]!.source}`;
      },
      isRefusal: (error) => error instanceof ScriptError,
    };
  },
};
