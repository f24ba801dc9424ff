import type {
  AcknowledgeQuestion,
  ConfirmQuestion,
  EnterPinQuestion,
  PresentShareQuestion,
  TakeShareQuestion,
} from '../../shared/ipc/host-questions.js';

/** A question as the runner asks it: the host gives it its id and kind. */
type Ask<Q> = Omit<Q, 'id' | 'kind'>;

/**
 * What the ceremony runner asks of the people in the room. The runner does not
 * know whether a terminal (the CLI) or the app's screens answer; the app's
 * implementation is RendererHost. Each method resolves once the room has
 * answered and the answer was checked, and rejects with a HostError
 * ("host.declined") when the room stops instead.
 */
export interface CeremonyHost {
  /** A participant (usually the witness) confirms a step happened as the script says. */
  acknowledge(question: Ask<AcknowledgeQuestion>): Promise<void>;
  /** The administrator types the word an irreversible step names; resolves only on the exact word. */
  confirm(question: Ask<ConfirmQuestion>): Promise<void>;
  /** Shows a share to its custodian; resolves once the custodian re-entered it correctly. */
  presentShare(question: Ask<PresentShareQuestion>): Promise<void>;
  /**
   * A share brought back, as the words typed: UTF-8, lower case, one space
   * between words. Secret: the caller decodes it and zeroes the bytes.
   */
  takeShare(question: Ask<TakeShareQuestion>): Promise<Uint8Array>;
  /** The token's user PIN, UTF-8. Secret: the caller logs in with it and zeroes it. */
  enterPin(question: Ask<EnterPinQuestion>): Promise<Uint8Array>;
}
