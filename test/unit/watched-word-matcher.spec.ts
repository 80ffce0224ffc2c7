import {
  globMatches,
  patternKey,
  patternWords,
  WatchedAction,
  WatchedWordMatcher,
  wordsOf,
} from '../../src/moderation/watched-word-matcher';

function matcher(...rules: [string, WatchedAction?][]): WatchedWordMatcher {
  return new WatchedWordMatcher(
    rules.map(([pattern, action], i) => ({ id: String(i), pattern, action: action ?? 'flag' })),
  );
}

const patternsIn = (m: WatchedWordMatcher, text: string) => m.match(text).map((rule) => rule.pattern);

describe('watched-word matching', () => {
  it('ignores case', () => {
    const m = matcher(['Deepfake']);
    expect(patternsIn(m, 'DEEPFAKE')).toEqual(['Deepfake']);
    expect(patternsIn(m, 'a deepfake.')).toEqual(['Deepfake']);
  });

  it('folds German umlauts and ß, composed or not', () => {
    const m = matcher(['Ärger'], ['Straße']);
    expect(patternsIn(m, 'viel ÄRGER')).toEqual(['Ärger']);
    expect(patternsIn(m, 'viel A\u0308rger')).toEqual(['Ärger']);
    expect(patternsIn(m, 'in der STRASSE')).toEqual(['Straße']);
    expect(patternsIn(m, 'in der strasse')).toEqual(['Straße']);
    expect(patternsIn(m, 'in der Strasse')).toEqual(['Straße']);
    // An umlaut is a letter of its own, not a plain vowel.
    expect(patternsIn(m, 'Arger')).toEqual([]);
  });

  it('matches whole words only, with letters of any script as word characters', () => {
    const m = matcher(['fake'], ['фейк'], ['λάθος']);
    expect(patternsIn(m, 'deepfakes are fakery')).toEqual([]);
    expect(patternsIn(m, 'fake, fake!')).toEqual(['fake']);
    expect(patternsIn(m, 'über-fake')).toEqual(['fake']);
    expect(patternsIn(m, 'это фейк')).toEqual(['фейк']);
    expect(patternsIn(m, 'этофейк')).toEqual([]);
    expect(patternsIn(m, 'ΛΆΘΟΣ')).toEqual(['λάθος']);
    // A letter with an umlaut does not end a word: "fakeä" is one word.
    expect(patternsIn(m, 'fakeä')).toEqual([]);
  });

  it('matches in scripts without spaces wherever the characters stand together', () => {
    const m = matcher(['假新闻'], ['フェイク']);
    expect(patternsIn(m, '这是假新闻吗')).toEqual(['假新闻']);
    expect(patternsIn(m, '假的新闻')).toEqual([]);
    expect(patternsIn(m, 'これはフェイクです')).toEqual(['フェイク']);
  });

  it('matches phrases word by word, whatever separates them', () => {
    const m = matcher(['fake news']);
    expect(patternsIn(m, 'Fake  News!')).toEqual(['fake news']);
    expect(patternsIn(m, 'fake\nnews')).toEqual(['fake news']);
    expect(patternsIn(m, 'fake reports and news')).toEqual([]);
    expect(patternsIn(m, 'fake')).toEqual([]);
  });

  it('takes * as a wildcard within a word, at either end or inside', () => {
    const m = matcher(['deep*'], ['*fake'], ['s*ra'], ['*ollywoo*']);
    expect(patternsIn(m, 'deepfakes')).toEqual(['deep*']);
    expect(patternsIn(m, 'deep')).toEqual(['deep*']);
    expect(patternsIn(m, 'a cheapfake')).toEqual(['*fake']);
    expect(patternsIn(m, 'Sora')).toEqual(['s*ra']);
    expect(patternsIn(m, 'SRA')).toEqual(['s*ra']);
    expect(patternsIn(m, 'sorah')).toEqual([]);
    expect(patternsIn(m, 'Bollywood')).toEqual(['*ollywoo*']);
    // The wildcard does not cross words.
    expect(patternsIn(m, 'deep fake')).toEqual(['deep*', '*fake']);
    expect(patternsIn(m, 's ra')).toEqual([]);
  });

  it('treats every other character of a pattern literally', () => {
    const m = matcher(['a.b'], ['(x+)+y'], ['[abc]']);
    expect(patternsIn(m, 'axb')).toEqual([]);
    expect(patternsIn(m, 'a.b')).toEqual(['a.b']);
    expect(patternsIn(m, 'xxxxy')).toEqual([]);
    expect(patternsIn(m, 'x y')).toEqual(['(x+)+y']);
    expect(patternsIn(m, 'a')).toEqual([]);
    expect(patternsIn(m, 'abc')).toEqual(['[abc]']);
  });

  it('never builds a regular expression from a pattern', () => {
    const built = jest.spyOn(globalThis, 'RegExp');
    try {
      const m = matcher(['(a+)+$'], ['[*]'], ['\\d{1000}'], ['.*']);
      m.match('aaaa (a+)+$ x d1000');
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });

  it('stays linear on a pathological pattern against a pathological text', () => {
    const m = matcher(['a*a*a*a*a*a*a*a*a*a*a*a*b'], ['*a*a*a*a*a*a*a*a*a*a*c*']);
    const text = `${'a'.repeat(10_000)} ${'a'.repeat(5_000)}!`;
    // A backtracking regular expression would take longer than the universe on this; the matcher scans.
    expect(m.match(text)).toEqual([]);
    expect(patternsIn(m, `${'a'.repeat(50)}b`)).toEqual(['a*a*a*a*a*a*a*a*a*a*a*a*b']);
  });

  it('names the strongest action first and stops at the first block', () => {
    const m = matcher(['one', 'flag'], ['two', 'review'], ['three', 'block'], ['four', 'block']);
    expect(m.match('one two').map((rule) => rule.action)).toEqual(['review', 'flag']);
    expect(m.match('one two three four').map((rule) => rule.pattern)).toEqual(['three']);
    expect(m.match('nothing here')).toEqual([]);
  });

  it('reports each rule once however often it occurs', () => {
    expect(patternsIn(matcher(['spam']), 'spam spam spam')).toEqual(['spam']);
  });
});

describe('patterns', () => {
  it('need a letter or a digit besides the wildcard', () => {
    expect(patternWords('*')).toBeNull();
    expect(patternWords('** *')).toBeNull();
    expect(patternWords('!!!')).toBeNull();
    expect(patternWords('a*')).toEqual(['a*']);
  });

  it('share a key when they match the same texts: case, spacing and repeated stars do not count', () => {
    expect(patternKey('Fake   NEWS')).toBe(patternKey('fake news'));
    expect(patternKey('STRASSE')).toBe(patternKey('straße'));
    expect(patternKey('deep**')).toBe(patternKey('deep*'));
    expect(patternKey('deep*')).not.toBe(patternKey('deep'));
  });

  it('cut text into words as people read them', () => {
    expect(wordsOf('Ein Deep-Fake, oder?')).toEqual(['ein', 'deep', 'fake', 'oder']);
    expect(globMatches('abcabc', ['a', 'c', ''])).toBe(true);
    expect(globMatches('ab', ['ab', 'b'])).toBe(false);
  });
});
