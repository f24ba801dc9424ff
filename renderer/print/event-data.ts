import { fact, factLabel, valueText, type EventFact } from './event-facts.js';

/**
 * Reads an event's data for its describer and remembers what was read, so
 * that every key the describer did not use still reaches the page (an
 * auditor must see all of an event's facts, not only the ones we expected).
 * Each read names the keys in order of preference: the engine's spelling
 * first, then the spellings FORMATS.md uses in prose.
 */
export class EventData {
  private readonly used = new Set<string>();
  private readonly chosen: EventFact[] = [];

  constructor(private readonly data: Readonly<Record<string, unknown>>) {}

  /** The first present value among `keys`, marked as used. */
  value(...keys: string[]): unknown {
    for (const key of keys) {
      if (key in this.data && this.data[key] !== undefined) {
        this.used.add(key);
        return this.data[key];
      }
    }
    return undefined;
  }

  /** The first present value among `keys` as text, marked as used. */
  text(...keys: string[]): string | undefined {
    const value = this.value(...keys);
    return value === undefined ? undefined : valueText(value);
  }

  /** Puts the first present value among `keys` on its own fact line, with `label`. */
  fact(label: string | undefined, ...keys: string[]): void {
    for (const key of keys) {
      if (key in this.data && this.data[key] !== undefined) {
        this.used.add(key);
        this.chosen.push(fact(key, this.data[key], label ?? factLabel(key)));
        return;
      }
    }
  }

  /** The facts chosen by the describer, then every key it did not use, in data order. */
  facts(): EventFact[] {
    const rest = Object.entries(this.data)
      .filter(([key, value]) => !this.used.has(key) && value !== undefined)
      .map(([key, value]) => fact(key, value));
    return [...this.chosen, ...rest];
  }
}
