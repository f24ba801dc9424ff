/**
 * When a cross-field check may run. Zod skips a refinement once any part of
 * the object failed; a script author should see every problem at once, so each
 * check runs as soon as the fields it reads are themselves valid.
 */
import type { z } from 'zod';

type Payload = z.core.ParsePayload;

/**
 * Params for `superRefine`: run the check when the object itself parsed and
 * none of `fields` (top-level keys of the object) has an issue.
 */
export function whenValid(...fields: string[]): { when: (payload: Payload) => boolean } {
  return {
    when: (payload) => {
      const value = payload.value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      return !payload.issues.some((issue) => {
        const head = issue.path?.[0];
        if (head === undefined) return issue.code !== 'unrecognized_keys';
        return fields.includes(String(head));
      });
    },
  };
}

/** For a list: run the check when every element parsed. */
export function whenListValid(): { when: (payload: Payload) => boolean } {
  return { when: (payload) => Array.isArray(payload.value) && payload.issues.length === 0 };
}
