import { useEffect, useState } from 'react';

/** How long a new question's main button waits before it can be pressed. */
export const ARM_DELAY_MS = 400;

/**
 * False for a moment after `key` changes, then true: the main button of a new
 * question cannot be pressed by a key still held down, or a double click, that
 * was meant for the question before it.
 */
export function useArmed(key: string): boolean {
  const [armedFor, setArmedFor] = useState<string | undefined>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setArmedFor(key), ARM_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return armedFor === key;
}
