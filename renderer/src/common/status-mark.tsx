/** A check's outcome. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'incomplete' | 'skipped';

const MARK: Record<CheckStatus, { symbol: string; word: string }> = {
  pass: { symbol: '✓', word: 'Pass' },
  warn: { symbol: '!', word: 'Warning' },
  fail: { symbol: '✗', word: 'Fail' },
  incomplete: { symbol: '?', word: 'Incomplete' },
  skipped: { symbol: '–', word: 'Skipped' },
};

/** A check's outcome as a symbol and a word: colour is never the only signal. */
export function StatusMark({ status }: { status: CheckStatus }) {
  const mark = MARK[status];
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true" className="status-symbol">
        {mark.symbol}
      </span>
      {mark.word}
    </span>
  );
}
