import type { JsonValue } from '../../../shared/ipc/json.js';
import { StatusMark } from '../common/status-mark.js';

/** The token as pre-flight found it: identity, the mechanisms the ceremony needs (all present), and what is already on it. */
export function HsmIdentity({ data }: { data: { [key: string]: JsonValue } }) {
  const mechanisms = Array.isArray(data.mechanisms) ? data.mechanisms.map(String) : [];
  const inventory = Array.isArray(data.inventory) ? data.inventory : [];
  return (
    <section className="hsm-identity" aria-label="HSM identity">
      <dl className="facts">
        <dt>Token</dt>
        <dd className="mono">{String(data.tokenLabel)}</dd>
        <dt>Manufacturer</dt>
        <dd>{String(data.manufacturer)}</dd>
        <dt>Model</dt>
        <dd>{String(data.model)}</dd>
        <dt>Serial</dt>
        <dd className="mono">{String(data.serial)}</dd>
        <dt>Firmware</dt>
        <dd className="mono">{String(data.firmware)}</dd>
        <dt>Mechanisms</dt>
        <dd>
          <StatusMark status="pass" /> all {mechanisms.length} the ceremony needs are present
        </dd>
        <dt>Already on the token</dt>
        <dd>{inventory.length === 0 ? 'nothing' : `${inventory.length} object(s)`}</dd>
      </dl>
    </section>
  );
}
