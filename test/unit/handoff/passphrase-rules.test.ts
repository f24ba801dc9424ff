import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_CHARACTERS, passphraseProblem, utf8Characters } from '../../../main/ceremony/steps/passphrase-rules.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const twice = (text: string) => ({ passphrase: bytes(text), repeated: bytes(text) });

describe('a custodian\'s passphrase for a sealed share file', () => {
  it('is accepted when typed the same twice with at least 12 characters', () => {
    expect(MIN_PASSPHRASE_CHARACTERS).toBe(12);
    expect(passphraseProblem(twice('correct horse'))).toBeUndefined();
  });

  it('is refused when shorter, saying how long it was and how long it must be', () => {
    expect(passphraseProblem(twice('eleven char'))).toBe('That passphrase has 11 characters; it needs at least 12. Choose a longer one (a few unrelated words are easy to remember) and type it twice.');
  });

  it('is refused when the two entries differ, without repeating either', () => {
    const problem = passphraseProblem({ passphrase: bytes('correct horse battery'), repeated: bytes('correct horse batterz') });
    expect(problem).toMatch(/two entries differ/);
    expect(problem).not.toContain('horse');
  });

  it('is refused when the second entry is only the start of the first', () => {
    expect(passphraseProblem({ passphrase: bytes('correct horse battery'), repeated: bytes('correct horse') })).toMatch(/two entries differ/);
  });

  it('counts characters, not bytes, so accented letters are not counted twice', () => {
    expect(utf8Characters(bytes('Übergrößenträger'))).toBe(16);
    expect(utf8Characters(bytes('ééééééééééé'))).toBe(11);
    expect(passphraseProblem(twice('ééééééééééé'))).toMatch(/has 11 characters/);
  });
});
