import type { Hsm } from '../../hsm/hsm.js';
import type { DocumentPrinter } from './ceremony-printer.js';
import { wipeState } from './ceremony-state.js';
import type { RunContext } from './run-context.js';

/**
 * The end of a run, whether the ceremony finished or stopped: secrets
 * wiped, the session logged out and closed, Chromium stopped, the journal
 * closed, the module finalised. Each release is tried even if one fails.
 */
export async function releaseRun(ctx: RunContext | undefined, hsm: Hsm, printer: DocumentPrinter): Promise<void> {
  if (ctx) {
    wipeState(ctx.state);
    const session = ctx.session;
    ctx.session = undefined;
    if (session) {
      await session.logout().catch(() => undefined);
      await session.close().catch(() => undefined);
    }
    await ctx.journal.close().catch(() => undefined);
  }
  await printer.close().catch(() => undefined);
  // Best effort like the rest: a module that fails to finalise must neither
  // turn a finished ceremony into a failed one nor hide why one stopped.
  await hsm.close().catch(() => undefined);
}
