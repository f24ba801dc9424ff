import { formatTokenUri } from '../../hsm/pkcs11-uri.js';
import type { TokenInfo } from '../../hsm/token-info.js';
import { requiredMechanisms } from '../preflight/required-mechanisms.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import { openTokenSession } from '../runner/token-login.js';
import type { StepExecutor } from './step-executor.js';

/**
 * Pre-flight of the HSM: the token's identity against the script's
 * expectation, the mechanisms the ceremony needs, and the inventory — a label
 * this ceremony would create that is already there stops it before anything
 * on the token changes.
 */
export const preflightHsmStep: StepExecutor<'preflight.hsm'> = async (ctx, step) => {
  const token = ctx.hsm.tokens().find((t) => t.label === ctx.room.tokenLabel);
  if (token) checkIdentity(token, ctx.script.hsm.expect ?? {});
  const mechanisms = requiredMechanisms(ctx.script);
  ctx.hsm.requireMechanisms({ label: ctx.room.tokenLabel }, mechanisms);
  ctx.session ??= await openTokenSession(ctx, step.id);
  const session = ctx.session;
  const inventory = await session.inventory();
  const taken = step.action.absentLabels.filter((label) => inventory.some((o) => o.label === label));
  const missing = step.action.presentLabels.filter((label) => !inventory.some((o) => o.label === label));
  await ctx.record('preflight.hsm', step, 'system', {
    module: ctx.room.modulePath,
    manufacturer: session.token.manufacturer,
    model: session.token.model,
    serial: session.token.serial,
    firmware: session.token.firmwareVersion,
    hardware: session.token.hardwareVersion,
    tokenLabel: session.token.label,
    uri: formatTokenUri(session.token),
    mechanisms,
    inventory: inventory.map((o) => ({ class: o.class, label: o.label, id: o.id, type: o.keyType ?? null, fingerprint: o.kcv ? `kcv:${o.kcv}` : o.spkiSha256 ? `spki-sha256:${o.spkiSha256}` : null })),
  });
  if (taken.length > 0) {
    throw new CeremonyError('LABEL_COLLISION', `Token "${session.token.label}" already holds ${taken.map((l) => `"${l}"`).join(', ')}, which this ceremony would create. Nothing was changed. Use a fresh token, or change the labels in the script and have it reviewed again.`);
  }
  if (missing.length > 0) {
    throw new CeremonyError('PREFLIGHT_FAILED', `Token "${session.token.label}" does not hold ${missing.map((l) => `"${l}"`).join(', ')}, which this ceremony uses. Check that this is the right token.`);
  }
  const t = session.token;
  await ctx.acknowledge(step, 'The HSM is the expected one', `Token "${t.label}": ${t.manufacturer} ${t.model}, serial ${t.serial}, firmware ${t.firmwareVersion}. ${inventory.length} object(s) already on it. Mechanisms present: ${mechanisms.join(', ')}.`);
};

function checkIdentity(token: TokenInfo, expect: { manufacturer?: string; model?: string; serial?: string; firmware?: string }): void {
  const found: Record<string, string> = { manufacturer: token.manufacturer, model: token.model, serial: token.serial, firmware: token.firmwareVersion };
  const wrong = Object.entries(expect).filter(([field, value]) => value !== undefined && found[field] !== value);
  if (wrong.length > 0) {
    const list = wrong.map(([field, value]) => `${field} is "${found[field]}", the script expects "${value}"`).join('; ');
    throw new CeremonyError('HSM_IDENTITY_MISMATCH', `Token "${token.label}" is not the one the script expects: ${list}. Nothing was touched. Connect the right HSM, or correct the script and have it reviewed again.`);
  }
}
