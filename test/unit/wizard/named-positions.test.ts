import { describe, expect, it } from 'vitest';
import { namedPositions } from '../../../renderer/src/handoff/named-positions.js';

describe('the word fields a refusal points at', () => {
  it('is the one word named wrong', () => {
    expect(namedPositions('Word 7 (group 2, word 3) is wrong: check it against the card. Nothing was corrected.')).toEqual([7]);
  });

  it('is both words named swapped', () => {
    expect(namedPositions('Words 4 and 5 (group 1, word 4; group 2, word 1) look swapped: check their order against the card.')).toEqual([4, 5]);
  });

  it('is none for a refusal that names no word', () => {
    expect(namedPositions('This share (member 1) is from another ceremony.')).toEqual([]);
    expect(namedPositions(undefined)).toEqual([]);
  });
});
