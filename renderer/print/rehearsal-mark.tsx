import { REHEARSAL_WATERMARK_URI } from './rehearsal-watermark.js';
import { REHEARSAL_NOTICE } from './standard-wording.js';

/**
 * The REHEARSAL marking (design/PRODUCT.md, "Rehearsal"): a banner in the
 * text, and in print a drawn watermark repeated on every page. The page
 * header of the PDF says REHEARSAL on every page in words as well
 * (page-templates.ts), so the marking survives a cropped or faint print.
 */
export function RehearsalMark({ rehearsal }: { rehearsal: boolean }) {
  if (!rehearsal) return null;
  return (
    <>
      <div className="pr-watermark" aria-hidden="true">
        <img src={REHEARSAL_WATERMARK_URI} alt="" />
      </div>
      <div className="pr-rehearsal-banner" role="note">{REHEARSAL_NOTICE}</div>
    </>
  );
}
