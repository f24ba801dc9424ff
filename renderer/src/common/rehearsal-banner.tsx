/** Always on screen while the token is a practice one: nothing made here is valid for production. */
export function RehearsalBanner() {
  return (
    <div className="rehearsal-banner" role="note" aria-label="Rehearsal">
      REHEARSAL — practice run on a throwaway SoftHSM token. Nothing made here is valid for production.
    </div>
  );
}
