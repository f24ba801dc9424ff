/**
 * A script file parsed as YAML with every node's position kept, so each
 * problem found later — by the schema, the file checks or the plan — is
 * reported at its line and column.
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { formatPath, type ScriptProblem } from '../../../shared/script/script-problem.js';

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Aliases expand into the data; a bounded count keeps a "billion laughs" file from exhausting memory. */
const MAX_ALIAS_COUNT = 100;

export class ScriptDocument {
  private constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
    /** The YAML as plain data, for the schema. */
    readonly data: unknown,
  ) {}

  /**
   * Parses YAML text. Returns the document, or every YAML error and warning
   * at its position (a document with errors is not validated further: its
   * data would not be what the author meant).
   */
  static parse(text: string): { document: ScriptDocument } | { problems: ScriptProblem[] } {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const problems: ScriptProblem[] = [];
    for (const error of [...document.errors, ...document.warnings]) {
      const at = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
      // One mistake in YAML often trips several errors on its line; the first says where, the rest are echoes.
      if (problems.some((p) => p.line === at.line)) continue;
      problems.push({ line: at.line, column: at.col, path: '', message: `not valid YAML: ${firstLine(error.message)}`, source: 'yaml' });
    }
    if (problems.length > 0) return { problems };
    if (document.contents === null) return { problems: [{ line: 1, column: 1, path: '', message: 'the file holds no script: expected "version: 1", "kind: ..." and the other fields', source: 'yaml' }] };
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      return { problems: [{ line: 1, column: 1, path: '', message: `not valid YAML: ${error instanceof Error ? error.message : String(error)}`, source: 'yaml' }] };
    }
    return { document: new ScriptDocument(document, lines, data) };
  }

  /** A problem at `path`, pointing at its key or its value. */
  problem(path: readonly (string | number)[], message: string, source: ScriptProblem['source'], at: 'key' | 'value' = 'value'): ScriptProblem {
    const { line, column } = this.positionOf(path, at);
    return { line, column, path: formatPath(path), message, source };
  }

  /**
   * Where `path` is in the file. A section (map or list) is pointed at by its
   * key line; a field that is missing by the section it is missing from, so
   * "backup.threshold: missing" points at "backup:".
   */
  positionOf(path: readonly (string | number)[], at: 'key' | 'value' = 'value'): Position {
    let node: unknown = this.document.contents;
    let pair: Pair | undefined;
    for (const segment of path) {
      node = isAlias(node) ? node.resolve(this.document) : node;
      if (isMap(node)) {
        const found = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (found === undefined) return this.anchor(pair, node, 'value');
        pair = found;
        node = found.value;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        pair = undefined;
        node = node.items[segment];
      } else {
        return this.anchor(pair, node, 'value');
      }
    }
    return this.anchor(pair, node, at);
  }

  private anchor(pair: Pair | undefined, node: unknown, at: 'key' | 'value'): Position {
    const value = isNode(node) ? node : undefined;
    // "field:" with nothing after it: the empty value has no place of its own, its key does.
    const empty = value === undefined || (isScalar(value) && value.value === null);
    const useKey = pair !== undefined && (at === 'key' || empty || isMap(value) || isSeq(value));
    const offset = (useKey ? (pair.key as Node | null)?.range?.[0] : value?.range?.[0]) ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
