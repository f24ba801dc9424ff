import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { WORDS_PER_GROUP, wordGroups } from './share-words-view.js';

/**
 * A share typed back: one numbered field per word, in the card's groups of
 * four. The first four letters of a word are enough. Space moves to the next
 * field, Backspace in an empty one to the previous, Enter sends; pasted or
 * typed text with spaces fills the fields from where it lands. Main checks
 * the words and names a wrong one by its position, so the custodian fixes
 * that word only.
 */
export function ShareEntry({ count, action, busy, keepAfterSending = false, flagged = [], onSubmit }: {
  count: number;
  action: string;
  busy: boolean;
  /** Keep the words once sent: a hand-off asks again after a refusal, and the custodian fixes only the word named. */
  keepAfterSending?: boolean;
  /** Positions (1-based) the last refusal named: those fields are marked for correction. */
  flagged?: readonly number[];
  onSubmit: (words: string[]) => Promise<boolean>;
}) {
  const [words, setWords] = useState<string[]>(() => Array<string>(count).fill(''));
  const fields = useRef<(HTMLInputElement | null)[]>([]);
  useEffect(() => {
    fields.current[0]?.focus();
  }, []);

  const spread = (from: number, text: string) => {
    const parts = text.trim().split(/\s+/).filter(Boolean);
    setWords((current) => {
      const next = [...current];
      parts.forEach((part, i) => {
        if (from + i < next.length) next[from + i] = part;
        else next.push(part);
      });
      return next;
    });
    fields.current[Math.min(from + parts.length, count - 1)]?.focus();
  };
  const change = (index: number, value: string) => {
    if (/\s/.test(value)) spread(index, value);
    else setWords((current) => current.map((w, i) => (i === index ? value : w)));
  };
  const key = (index: number, event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === ' ') {
      event.preventDefault();
      fields.current[index + 1]?.focus();
    } else if (event.key === 'Backspace' && words[index] === '' && index > 0) {
      event.preventDefault();
      fields.current[index - 1]?.focus();
    }
  };
  const paste = (index: number, event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    spread(index, event.clipboardData.getData('text'));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Group numbers typed by habit ("1", "2.") are dropped by main too; empty fields are not words.
    if ((await onSubmit(words.filter((w) => w.trim() !== ''))) && !keepAfterSending) setWords(Array<string>(count).fill(''));
  };
  const filled = words.filter((w) => w.trim() !== '').length;

  return (
    <form className="share-entry" onSubmit={(e) => void submit(e)} autoComplete="off">
      <ol className="share-groups">
        {wordGroups(words).map((group, g) => (
          <li key={g} className="share-group">
            <span className="group-number" aria-hidden="true">
              {g + 1}
            </span>
            <span className="share-group-fields">
              {group.map((word, w) => {
                const index = g * WORDS_PER_GROUP + w;
                return (
                  <input
                    key={index}
                    ref={(el) => {
                      fields.current[index] = el;
                    }}
                    className={`word-field mono${flagged.includes(index + 1) ? ' flagged' : ''}`}
                    aria-label={`Word ${index + 1}`}
                    aria-invalid={flagged.includes(index + 1) || undefined}
                    value={word}
                    spellCheck={false}
                    autoCapitalize="none"
                    autoCorrect="off"
                    onChange={(e) => change(index, e.target.value)}
                    onKeyDown={(e) => key(index, e)}
                    onPaste={(e) => paste(index, e)}
                  />
                );
              })}
            </span>
          </li>
        ))}
      </ol>
      <p className="hint" aria-live="polite">
        {filled} of {words.length} words typed. The first four letters of each word are enough.
      </p>
      <button type="submit" className="primary large" disabled={busy || filled === 0}>
        {action}
      </button>
    </form>
  );
}
