import type { ErrorValue } from '../../../shared/result.js';

/** An engine error as the room reads it: the sentence first, the code small for a support call. */
export function ErrorNotice({ error }: { error: ErrorValue }) {
  return (
    <div className="error" role="alert">
      <p>{error.message}</p>
      <p className="code">{error.code}</p>
    </div>
  );
}
