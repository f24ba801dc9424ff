import type { HsmSession } from '../../hsm/hsm-session.js';
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
  return { certificateName, signer: await issuerSigner(ctx.requireSession(), label), certificate };
}

/**
 * The issuer's key is looked up on the token once per logged-in session, not
 * once per certificate or CRL: a batch of certificates then costs one
 * C_FindObjects, and a new session (after a resume) looks the key up afresh.
 */
const signersBySession = new WeakMap<HsmSession, Map<string, Promise<HsmSigner>>>();

function issuerSigner(session: HsmSession, label: string): Promise<HsmSigner> {
  let signers = signersBySession.get(session);
  if (!signers) signersBySession.set(session, (signers = new Map()));
  let signer = signers.get(label);
  if (!signer) {
    signer = session.signer(label);
    signers.set(label, signer);
    // A failed lookup (key missing, token removed) is not remembered: the next step asks the token again.
    signer.catch(() => signers.delete(label));
  }
  return signer;
}

/** The ceremony's serial numbers, drawn from the HSM's RNG. */
export function serialNumbers(ctx: RunContext): SerialNumberAllocator {
  const session = ctx.requireSession();
  ctx.state.serials ??= new SerialNumberAllocator((n) => session.random(n));
  return ctx.state.serials;
}
