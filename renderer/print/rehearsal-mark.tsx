import { REHEARSAL_NOTICE } from './standard-wording.js';

/**
 * The REHEARSAL marking (design/PRODUCT.md, "Rehearsal"): a banner in the
 * text, and in print a watermark repeated on every page. The page header of
 * the PDF carries the words on every page as well (page-templates.ts), so the
 * marking survives even when someone crops the watermark away.
 */
export function RehearsalMark({ rehearsal }: { rehearsal: boolean }) {
  if (!rehearsal) return null;
  return (
    <>
      <div className="pr-watermark" aria-hidden="true">REHEARSAL</div>
      <div className="pr-rehearsal-banner" role="note">{REHEARSAL_NOTICE}</div>
    </>
  );
}
