import { createContext, useContext } from 'react';
import type { JsonValue } from '../../../shared/ipc/json.js';
import type { Draft, DraftPath } from './draft.js';

/** What every field of the "new ceremony" form reads and writes. */
export interface TemplateForm {
  draft: Draft;
  /** Sets (undefined: removes) the value at a path of the draft. */
  set(path: DraftPath, value: JsonValue | undefined): void;
  /** Replaces the draft with what `change` makes of it (several fields at once). */
  update(change: (draft: Draft) => Draft): void;
  /** The schema's problems whose path is exactly `path`; none until the room first asks to save. */
  problemsAt(path: DraftPath): string[];
}

export const TemplateFormContext = createContext<TemplateForm | null>(null);

/** The form the fields belong to. @throws Error outside a TemplateFormContext provider. */
export function useTemplateForm(): TemplateForm {
  const form = useContext(TemplateFormContext);
  if (!form) throw new Error('A template field was drawn outside the template form.');
  return form;
}
