/** Codes of a ceremony request the engine refuses before anything runs. */
export type CeremonyRunErrorCode = 'ceremony.busy' | 'ceremony.practice-gone' | 'ceremony.already-finished' | 'ceremony.not-running' | 'ceremony.unknown-participant';

/** A ceremony request refused before the runner started: nothing was touched. */
export class CeremonyRunError extends Error {
  override readonly name = 'CeremonyRunError';

  constructor(
    readonly code: CeremonyRunErrorCode,
    message: string,
  ) {
    super(message);
  }
}
