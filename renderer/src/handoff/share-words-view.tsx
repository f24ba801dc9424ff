/** Words per numbered group, as on the custodian's card: read aloud and typed in one breath. */
export const WORDS_PER_GROUP = 4;

/** Splits a share's words into numbered groups. */
export function wordGroups(words: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_GROUP) groups.push(words.slice(i, i + WORDS_PER_GROUP));
  return groups;
}

/** A share's words, large, in numbered groups of four, each word numbered too, as the card prints them. */
export function ShareWordsView({ words }: { words: readonly string[] }) {
  return (
    <ol className="share-groups" aria-label="Share words">
      {wordGroups(words).map((group, g) => (
        <li key={g} className="share-group">
          <span className="group-number" aria-hidden="true">
            {g + 1}
          </span>
          <ol className="share-group-words" start={g * WORDS_PER_GROUP + 1}>
            {group.map((word, w) => (
              <li key={w} className="share-word" data-position={g * WORDS_PER_GROUP + w + 1}>
                {word}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
