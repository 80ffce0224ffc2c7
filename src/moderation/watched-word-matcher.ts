/**
 * Watched words, compiled once into one matcher. No pattern ever becomes a regular expression: a pattern is literal
 * text with `*` as its only wildcard, cut into words the same way as the text it screens, and matched word by word
 * through hash maps, so 1,000 rules cost about what one does and no pattern can make matching backtrack.
 *
 * Words are runs of letters, marks, digits and connectors in any script; in scripts written without spaces (Han,
 * Kana, Thai, …) every character is a word of its own, so a pattern there matches wherever its characters stand
 * together. Both sides are folded first (NFKC, then case folding), so `Ärger` matches `ÄRGER` and a decomposed
 * `A\u0308rger`, and `Straße` matches `STRASSE`.
 */

export const WATCHED_ACTIONS = ['block', 'review', 'flag'] as const;
export type WatchedAction = (typeof WATCHED_ACTIONS)[number];

export interface WatchedRule {
  id: string;
  pattern: string;
  action: WatchedAction;
}

/** Patterns are short: a word or a phrase. */
export const PATTERN_MAX_LENGTH = 100;

const UNSPACED =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\p{Script=Tibetan}';
const WORD_CHAR = '\\p{L}\\p{M}\\p{N}\\p{Pc}';
// Built here from constants only (the `v` flag allows the set difference); user text never reaches a RegExp.
const TEXT_WORDS = new RegExp(`[${UNSPACED}]|[[${WORD_CHAR}]--[${UNSPACED}]]+`, 'gv');
const PATTERN_WORDS = new RegExp(`[${UNSPACED}]|[[${WORD_CHAR}*]--[${UNSPACED}]]+`, 'gv');
const RUNS_OF_STARS = /\*+/g;

/** NFKC, then case folding by way of upper case (`ß` → `SS` → `ss`, `ﬁ` → `fi`, final sigma → σ). */
export function fold(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase();
}

/** The words of a text as the matcher sees them. */
export function wordsOf(text: string): string[] {
  return fold(text).match(TEXT_WORDS) ?? [];
}

/**
 * A pattern's words, `*` kept; null when it has no letter or digit (`*`, `!!!`), which would match everything or
 * nothing.
 */
export function patternWords(pattern: string): string[] | null {
  const words = (fold(pattern).match(PATTERN_WORDS) ?? []).map((word) => word.replace(RUNS_OF_STARS, '*'));
  return words.some((word) => word !== '*') ? words : null;
}

/** Two patterns that match exactly the same texts have the same key (the same pattern twice is refused). */
export function patternKey(pattern: string): string | null {
  return patternWords(pattern)?.join(' ') ?? null;
}

/** One word of a pattern: its literal parts around the wildcards (a single part: no wildcard). */
type WordGlob = string[];

interface CompiledRule {
  rule: WatchedRule;
  words: WordGlob[];
}

/**
 * Whether a word matches a glob. The first and last parts are anchored; the middle ones are found left to right,
 * each as early as it fits, which is enough when `*` is the only operator: linear in the word, whatever the pattern.
 */
export function globMatches(word: string, parts: WordGlob): boolean {
  if (parts.length === 1) return word === parts[0];
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (word.length < first.length + last.length || !word.startsWith(first) || !word.endsWith(last)) return false;
  let at = first.length;
  const end = word.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = word.indexOf(parts[i], at);
    if (found === -1 || found + parts[i].length > end) return false;
    at = found + parts[i].length;
  }
  return true;
}

const STRENGTH: Record<WatchedAction, number> = { block: 3, review: 2, flag: 1 };
/** Rules whose first word has no literal start or end are found by a three-letter piece of their longest part. */
const GRAM = 3;
const NONE: CompiledRule[] = [];

interface TrieNode {
  next: Map<number, TrieNode>;
  rules: CompiledRule[];
}

/**
 * Keys by UTF-16 unit, walked along a word: each step is one small-integer lookup, and a word that starts no key
 * stops at its first letter. Suffixes are stored reversed and walked from the end.
 */
class Trie {
  private readonly root: TrieNode = { next: new Map(), rules: [] };
  size = 0;

  insert(key: string, rule: CompiledRule, reversed = false): void {
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(reversed ? key.length - 1 - i : i);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map(), rules: [] }));
      node = child;
    }
    node.rules.push(rule);
    this.size++;
  }

  /** Adds to `out` the rules of every key that `word` spells from `start` on, one unit at a time by `step`. */
  collect(word: string, start: number, step: 1 | -1, out: CompiledRule[]): void {
    let node: TrieNode | undefined = this.root;
    for (let i = start; i >= 0 && i < word.length; i += step) {
      node = node.next.get(word.charCodeAt(i));
      if (!node) return;
      for (const rule of node.rules) out.push(rule);
    }
  }
}

/**
 * Every rule, indexed by its first word: exact words in a map; words with a literal start or end in tries of those
 * starts and (reversed) ends; words wild at both ends by a three-letter piece of their longest literal part; the
 * few left (a lone `*`, `*ab*`) tried on every word. Each distinct word of a text is looked up once, and candidates
 * are then checked in full.
 */
export class WatchedWordMatcher {
  private readonly exact = new Map<string, CompiledRule[]>();
  private readonly prefixes = new Trie();
  private readonly suffixes = new Trie();
  private readonly grams = new Trie();
  private readonly anywhere: CompiledRule[] = [];
  readonly size: number;

  constructor(rules: WatchedRule[]) {
    for (const rule of rules) {
      const words = patternWords(rule.pattern);
      if (!words) continue;
      const compiled: CompiledRule = { rule, words: words.map((word) => word.split('*')) };
      const head = compiled.words[0];
      const first = head[0];
      const last = head[head.length - 1];
      const longest = head.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (head.length === 1) {
        const list = this.exact.get(first);
        if (list) list.push(compiled);
        else this.exact.set(first, [compiled]);
      } else if (first !== '') this.prefixes.insert(first, compiled);
      else if (last !== '') this.suffixes.insert(last, compiled, true);
      else if (longest.length >= GRAM) this.grams.insert(longest.slice(0, GRAM), compiled);
      else this.anywhere.push(compiled);
    }
    this.size = rules.length;
  }

  /**
   * The rules a text trips, strongest action first (block, review, flag), each rule once. Stops at the first `block`:
   * the write is refused and that rule is named.
   */
  match(text: string): WatchedRule[] {
    if (this.size === 0) return [];
    const words = wordsOf(text);
    const heads = new Map<string, CompiledRule[]>();
    const found = new Map<string, WatchedRule>();
    for (let i = 0; i < words.length; i++) {
      let candidates = heads.get(words[i]);
      if (!candidates) {
        candidates = this.rulesStartingWith(words[i]);
        heads.set(words[i], candidates);
      }
      for (const candidate of candidates) {
        if (found.has(candidate.rule.id) || !followsAt(words, i, candidate.words)) continue;
        if (candidate.rule.action === 'block') return [candidate.rule];
        found.set(candidate.rule.id, candidate.rule);
      }
    }
    return [...found.values()].sort((a, b) => STRENGTH[b.action] - STRENGTH[a.action]);
  }

  /** The rules whose first word matches this word (most words: none). */
  private rulesStartingWith(word: string): CompiledRule[] {
    const candidates: CompiledRule[] = [];
    if (this.prefixes.size > 0) this.prefixes.collect(word, 0, 1, candidates);
    if (this.suffixes.size > 0) this.suffixes.collect(word, word.length - 1, -1, candidates);
    if (this.grams.size > 0)
      for (let at = 0; at + GRAM <= word.length; at++) this.grams.collect(word, at, 1, candidates);
    candidates.push(...this.anywhere);
    const exact = this.exact.get(word);
    if (candidates.length === 0) return exact ?? NONE;
    const matching = [...(exact ?? [])];
    for (const candidate of candidates) {
      if (!matching.includes(candidate) && globMatches(word, candidate.words[0])) matching.push(candidate);
    }
    return matching.length > 0 ? matching : NONE;
  }
}

/** Whether the words after the first (already matched) follow from `start` on. */
function followsAt(words: string[], start: number, globs: WordGlob[]): boolean {
  if (start + globs.length > words.length) return false;
  for (let offset = 1; offset < globs.length; offset++) {
    if (!globMatches(words[start + offset], globs[offset])) return false;
  }
  return true;
}
