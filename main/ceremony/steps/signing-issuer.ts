import type { HsmSigner } from '../../hsm/hsm-signer.js';
import { SerialNumberAllocator } from '../../pki/serial-numbers.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RunContext } from '../runner/run-context.js';

/** The CA that signs in this ceremony: its key on the token and its certificate. */
export interface SigningIssuer {
  /** The name of its certificate (certs/<name>.pem). */
  certificateName: string;
  signer: HsmSigner;
  certificate: Uint8Array;
}

/**
 * The issuing CA. In a root ceremony it is the root certified in this
 * ceremony; in a later one, the issuer the script names, whose certificate
 * the issuer check took from the source bundle.
 * @throws CeremonyError STEP_FAILED when the root is not certified yet.
 */
export async function signingIssuer(ctx: RunContext): Promise<SigningIssuer> {
  const script = ctx.script;
  let certificateName: string;
  let label: string;
  if (script.kind === 'root-key-generation') {
    const root = script.certificates.find((c) => c.profile === 'root-ca')!;
    certificateName = root.name;
    label = script.keys.find((k) => k.name === root.key)!.label;
  } else if (script.kind === 'subordinate-signing' || script.kind === 'crl-signing') {
    certificateName = script.issuer.certificate;
    label = script.issuer.key;
  } else {
    throw new Error(`A ${script.kind} ceremony signs no certificate.`);
  }
  const certificate = ctx.state.certificates.get(certificateName);
  if (!certificate) throw new CeremonyError('STEP_FAILED', `The issuer certificate "${certificateName}" is not available yet in this ceremony.`);
  return { certificateName, signer: await ctx.requireSession().signer(label), certificate };
}

/** The ceremony's serial numbers, drawn from the HSM's RNG. */
export function serialNumbers(ctx: RunContext): SerialNumberAllocator {
  const session = ctx.requireSession();
  ctx.state.serials ??= new SerialNumberAllocator((n) => session.random(n));
  return ctx.state.serials;
}
