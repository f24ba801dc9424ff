import { HsmError } from '../../hsm/hsm-error.js';
import type { HsmSession } from '../../hsm/hsm-session.js';
import { describePinState } from '../../hsm/token-info.js';
import type { RunContext } from './run-context.js';

/**
 * Opens a session on the ceremony's token and logs in with a PIN the
 * administrator enters through the host. A wrong PIN is asked again with the
 * token's own word on tries left; a locked PIN stops. The PIN bytes are
 * zeroed as soon as the token has answered.
 * @throws HsmError TOKEN_NOT_FOUND, PIN_LOCKED, and anything else the token says.
 */
export async function openTokenSession(ctx: RunContext, stepId: string): Promise<HsmSession> {
  const session = await ctx.hsm.openSession({ label: ctx.room.tokenLabel });
  let problem: string | undefined;
  for (;;) {
    const flags = session.refreshTokenInfo().flags;
    const pinState = flags.userPinLocked ? 'locked' : flags.userPinFinalTry ? 'final-try' : flags.userPinCountLow ? 'count-low' : 'ok';
    if (pinState === 'locked') {
      await session.close();
      throw new HsmError('PIN_LOCKED', `The user PIN of token "${session.token.label}" is locked. ${describePinState(flags)} The security officer must unlock it; then resume the ceremony.`);
    }
    const question = { step: stepId, token: { label: session.token.label, serial: session.token.serial }, pin: pinState } as const;
    const pin = await ctx.host.enterPin(problem === undefined ? question : { ...question, problem });
    try {
      await session.login(pin);
      return session;
    } catch (error) {
      if (!(error instanceof HsmError && error.code === 'PIN_INCORRECT')) {
        // Best effort: with the token pulled out, closing fails too, and that
        // failure must not hide the one that stopped the login.
        await session.close().catch(() => undefined);
        throw error;
      }
      problem = error.message;
    } finally {
      pin.fill(0);
    }
  }
}
