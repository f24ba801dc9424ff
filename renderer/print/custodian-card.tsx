import { HexValue } from './hex-value.js';
import { CARD_CSS } from './card-styles.js';
import { BASE_CSS } from './print-base-styles.js';
import type { CustodianCardModel } from './print-models.js';
import { utcDate } from './print-time.js';
import { RehearsalMark } from './rehearsal-mark.js';

/** Words per numbered group: short enough to read back and type in one breath. */
export const WORDS_PER_GROUP = 4;

/**
 * One custodian's card: whose share it is, of which ceremony, member i of N
 * and threshold M, the share as numbered word groups and as a QR code, its
 * fingerprint, and what to do with it. The card is secret; nothing here keeps
 * or sends the words anywhere — the caller decides whether the card is only
 * printed or also saved.
 */
export function CustodianCard({ model }: { model: CustodianCardModel }) {
  const groups = groupWords(model.words);
  return (
    <article className="pr-doc pr-card">
      <style dangerouslySetInnerHTML={{ __html: BASE_CSS + CARD_CSS }} />
      <RehearsalMark rehearsal={model.rehearsal} />
      <header>
        <div className="pr-eyebrow">Conclave · custodian card · secret</div>
        <h1>{model.custodianName}</h1>
        <div className="pr-membership">
          Holder of share <b>{model.memberIndex} of {model.memberCount}</b> · any <b>{model.threshold}</b> of
          the {model.memberCount} shares together restore the backup key
        </div>
        <table className="pr-keyvalues">
          <tbody>
            {/* One row, not two: the height goes to the words. */}
            <tr>
              <th scope="row">Ceremony id</th><td className="pr-mono">{model.ceremonyId}</td>
              <th scope="row">Ceremony date</th><td>{utcDate(model.ceremonyDate)}</td>
            </tr>
          </tbody>
        </table>
      </header>
      <section>
        <h2>Your share</h2>
        <div className="pr-word-note">
          {model.words.length} words in {groups.length} numbered groups. Type them in this order; the first four
          letters of each word are enough.
        </div>
        {/* One grid: the groups read left to right, row by row, and the QR code takes the free cells after the last group. */}
        <div className="pr-share">
          <ol className="pr-word-groups">
            {groups.map((words, g) => (
              <li className="pr-word-group" key={g}>
                <div className="pr-word-group-title">Group {g + 1}</div>
                <ol>
                  {words.map((word, w) => (
                    <li key={w}>
                      <span className="pr-word-no">{g * WORDS_PER_GROUP + w + 1}</span>
                      <span className="pr-word">{word}</span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
          <div className="pr-qr">
            {/* An <img> and not inline markup: an image's SVG cannot run script or reach the page. */}
            <img src={svgDataUri(model.qrSvg)} alt={`QR code of share ${model.memberIndex}`} />
            <div className="pr-qr-facts">
              <div className="pr-qr-caption">The same share as a QR code</div>
              <div className="pr-fingerprint">
                Share fingerprint
                <HexValue value={model.shareFingerprint} />
              </div>
            </div>
          </div>
        </div>
      </section>
      <section>
        <h2>What to do with this card</h2>
        <div className="pr-instructions">
          <div><h3>Keep it safe</h3><p>{model.instructions.storage}</p></div>
          <div><h3>At a recovery</h3><p>{model.instructions.recovery}</p></div>
          <div><h3>If it is lost</h3><p>{model.instructions.ifLost}</p></div>
        </div>
      </section>
    </article>
  );
}

function groupWords(words: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_GROUP) groups.push(words.slice(i, i + WORDS_PER_GROUP));
  return groups;
}

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
