import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/result.js';

/** A call to the engine as the screen sees it: not answered yet, or its result value. */
export type Loaded<T> = { state: 'loading' } | { state: 'done'; result: Result<T> };

/**
 * Runs `call` when the component appears, and again on `reload()`. The call
 * resolves with a result value (the API never rejects for an engine error).
 * An answer that arrives after a newer call started, or after the component
 * went away, is dropped.
 */
export function useResult<T>(call: () => Promise<Result<T>>): [Loaded<T>, () => void] {
  const latestCall = useRef(call);
  latestCall.current = call;
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    void latestCall.current().then((result) => {
      if (current) setLoaded({ state: 'done', result });
    });
    return () => {
      current = false;
    };
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [loaded, reload];
}
