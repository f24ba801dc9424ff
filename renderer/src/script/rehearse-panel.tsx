/**
 * Rehearse the opened script on a throwaway token. `sourceMissing`: the
 * script checks but for the evidence bundle it builds on, which a rehearsal
 * does not need (it makes its own practice source first).
 */
export function RehearsePanel({ busy, sourceMissing = false, onRehearse }: { busy: boolean; sourceMissing?: boolean; onRehearse: () => void }) {
  return (
    <section className="panel" aria-labelledby="rehearse-heading">
      <h2 id="rehearse-heading">Rehearse it</h2>
      <p className="hint">
        {sourceMissing ? 'The source bundle is not here, but a rehearsal does not need it. ' : ''}
        It runs on a throwaway SoftHSM token, through the same screens; every screen and page says REHEARSAL. A kind that builds on an earlier ceremony first rehearses the example root ceremony, unattended, and builds on its practice bundle.
      </p>
      <button type="button" className="large" disabled={busy} onClick={onRehearse}>
        Rehearse this script
      </button>
    </section>
  );
}
