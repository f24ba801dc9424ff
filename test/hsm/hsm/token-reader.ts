import * as graphene from 'graphene-pk11';
import * as pkcs11 from 'pkcs11js';
import { SOFTHSM_MODULE } from '../../support/softhsm.js';

/**
 * Reads a token's objects with graphene directly, bypassing main/hsm/, so the
 * tests judge what is really stored on the token and not what the layer says.
 * PKCS#11 finalize is process-wide: open this only after every Hsm handle of
 * the test file is closed, and close it before opening another.
 */
export class TokenReader {
  private constructor(
    private readonly module: graphene.Module,
    private readonly session: graphene.Session,
  ) {}

  static open(tokenLabel: string, pin: string): TokenReader {
    const module = graphene.Module.load(SOFTHSM_MODULE);
    module.initialize({ flags: pkcs11.CKF_OS_LOCKING_OK });
    const slots = module.getSlots(true);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots.items(i);
      if (slot.getToken().label.trim() === tokenLabel) {
        const session = slot.open(graphene.SessionFlag.SERIAL_SESSION);
        session.login(pin, graphene.UserType.USER);
        return new TokenReader(module, session);
      }
    }
    module.finalize();
    throw new Error(`no token labelled ${tokenLabel}`);
  }

  /** The one object of class `cls` labelled `label`. */
  object(cls: 'public' | 'private' | 'secret', label: string): graphene.SessionObject {
    const objectClass = { public: graphene.ObjectClass.PUBLIC_KEY, private: graphene.ObjectClass.PRIVATE_KEY, secret: graphene.ObjectClass.SECRET_KEY }[cls];
    const found = this.session.find({ class: objectClass, label });
    if (found.length !== 1) throw new Error(`expected one ${cls} object labelled ${label}, found ${found.length}`);
    return found.items(0);
  }

  /** Attributes of that object, as graphene reads them. */
  attributes(cls: 'public' | 'private' | 'secret', label: string, template: graphene.ITemplate): graphene.ITemplate {
    return this.object(cls, label).getAttribute(template);
  }

  /** How many objects the logged-in user sees. */
  count(): number {
    return this.session.find(null).length;
  }

  close(): void {
    try {
      this.session.close();
    } finally {
      this.module.finalize();
    }
  }
}
