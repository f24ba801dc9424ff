import type { RunRoom } from '../../../shared/ipc/ceremony-channels.js';
import type { CeremonyPlan } from '../../../shared/script/plan.js';
import { HexText } from '../common/hex-text.js';
import { PlanList } from './plan-list.js';
import { RoomSettings } from './room-settings.js';

/**
 * "Reviewed equals executed": the script's SHA-256 in large type, for the
 * witness to read aloud against the copy the team signed off; the room's own
 * settings (module, token) apart from it, since they are not in the script;
 * and the plan, every step the ceremony will walk.
 */
export function ScriptReview({ file, sha256, plan, room }: { file: string; sha256: string; plan: CeremonyPlan; room?: RunRoom }) {
  return (
    <div className="script-review">
      <section aria-labelledby="sha-heading" className="sha-box">
        <h3 id="sha-heading">Script SHA-256</h3>
        <p className="sha-value">
          <HexText value={sha256} size="large" label={`Script SHA-256 ${sha256}`} />
        </p>
        <p className="hint">
          Read it aloud in groups of four; the witness compares it with the reviewed copy. Any difference stops the ceremony. Script file: <span className="mono">{file}</span>
        </p>
      </section>
      {room ? <RoomSettings room={room} /> : null}
      <section aria-labelledby="plan-heading">
        <h3 id="plan-heading">
          The plan: {plan.steps.length} steps of “{plan.title}”
        </h3>
        <PlanList plan={plan} />
      </section>
    </div>
  );
}
