import type { BundleContents } from './bundle-contents.js';
import type { CheckResult } from './verify-report.js';

/**
 * The printable transcript and, in a rehearsal, the custodian cards. Where
 * the CLI found no Chromium it wrote the same views as HTML (transcript.html,
 * custodians/<name>.html) and said so: that is not a failure.
 */
export async function checkPrintables(bundle: BundleContents): Promise<CheckResult[]> {
  return [await checkTranscriptPrint(bundle), checkCards(bundle)];
}

async function checkTranscriptPrint(bundle: BundleContents): Promise<CheckResult> {
  const name = 'printed transcript';
  const pdf = await bundle.read('transcript.pdf');
  if (pdf) {
    return pdf.subarray(0, 5).toString('latin1') === '%PDF-'
      ? { name, status: 'pass', detail: `transcript.pdf (${pdf.length} bytes).` }
      : { name, status: 'fail', detail: 'transcript.pdf is not a PDF (it does not start with %PDF-).' };
  }
  if (bundle.files.has('transcript.html')) {
    return { name, status: 'pass', detail: 'transcript.html, the HTML stand-in written where no Chromium was found to make the PDF (not a failure); print it from a browser.' };
  }
  return bundle.sealed
    ? { name, status: 'fail', detail: 'Neither transcript.pdf nor its HTML stand-in transcript.html is in the sealed bundle.' }
    : { name, status: 'incomplete', detail: 'No printed transcript yet: it is made at the close.' };
}

function checkCards(bundle: BundleContents): CheckResult {
  const name = 'custodian cards';
  if (!bundle.rehearsal) return { name, status: 'skipped', detail: 'Not a rehearsal: cards are printed, not kept in the bundle, unless the script says where.' };
  const custodians = new Set(bundle.events.filter((e) => e.type === 'share.issued').map((e) => String(e.data.custodian)));
  const cards = [...bundle.files].filter((p) => /^custodians\/[^/]+\.(pdf|html)$/.test(p));
  if (custodians.size === 0) return { name, status: 'skipped', detail: 'The transcript records no share issued.' };
  if (cards.length < custodians.size) {
    return { name, status: 'fail', detail: `${custodians.size} custodians received a share but custodians/ holds ${cards.length} cards.` };
  }
  const html = cards.filter((p) => p.endsWith('.html')).length;
  return { name, status: 'pass', detail: `${cards.length} cards for ${custodians.size} custodians${html ? ` (${html} as HTML stand-ins: no Chromium when printed, not a failure)` : ''}.` };
}
