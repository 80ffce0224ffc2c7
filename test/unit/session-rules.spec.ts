import { DomainError } from '../../src/common/errors/domain-error';
import { csvCell, markdownCell } from '../../src/sessions/report/report-format';
import {
  CODE_ALPHABET,
  newJoinCode,
  nextStatus,
  normaliseCode,
  setTimer,
  timerAfter,
} from '../../src/sessions/session-rules';

const now = new Date('2026-01-01T10:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('session rules', () => {
  it('allows scheduled → live ⇄ paused → ended, and ending a scheduled session', () => {
    expect(nextStatus('scheduled', 'start')).toBe('live');
    expect(nextStatus('live', 'pause')).toBe('paused');
    expect(nextStatus('paused', 'resume')).toBe('live');
    expect(nextStatus('paused', 'end')).toBe('ended');
    expect(nextStatus('scheduled', 'end')).toBe('ended');
  });

  it.each([
    ['scheduled', 'pause', 'invalid_transition'],
    ['live', 'start', 'invalid_transition'],
    ['paused', 'start', 'invalid_transition'],
    ['ended', 'start', 'session_ended'],
    ['ended', 'end', 'session_ended'],
  ] as const)('refuses %s → %s with %s', (status, action, code) => {
    expect(() => nextStatus(status, action)).toThrow(DomainError);
    try {
      nextStatus(status, action);
    } catch (error) {
      expect((error as DomainError).code).toBe(code);
    }
  });

  it('sets a timer as an absolute end, frozen while paused; 0 stops it', () => {
    expect(setTimer('live', 90, now)).toEqual({ timerEndsAt: later(90_000), timerRemainingMs: null });
    expect(setTimer('paused', 90, now)).toEqual({ timerEndsAt: null, timerRemainingMs: 90_000 });
    expect(setTimer('live', 0, now)).toEqual({ timerEndsAt: null, timerRemainingMs: null });
  });

  it('freezes a running timer at pause and lets it run on at resume', () => {
    const paused = timerAfter('pause', { timerEndsAt: later(30_000), timerRemainingMs: null }, now);
    expect(paused).toEqual({ timerEndsAt: null, timerRemainingMs: 30_000 });
    expect(timerAfter('resume', paused, later(600_000))).toEqual({
      timerEndsAt: later(630_000),
      timerRemainingMs: null,
    });
    expect(timerAfter('pause', { timerEndsAt: later(-1), timerRemainingMs: null }, now)).toEqual({
      timerEndsAt: null,
      timerRemainingMs: null,
    });
    expect(timerAfter('end', { timerEndsAt: later(5000), timerRemainingMs: null }, now).timerEndsAt).toBeNull();
  });

  it('draws codes of 6 characters without look-alikes, and reads them in any case', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(6);
      expect([...code].every((char) => CODE_ALPHABET.includes(char))).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
    expect(normaliseCode(' ab3x9k ')).toBe('AB3X9K');
  });
});

describe('report cells', () => {
  it('quotes CSV cells with separators and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(-3)).toBe('-3');
  });

  it('escapes Markdown table cells', () => {
    expect(markdownCell('a | b\nc')).toBe('a \\| b<br>c');
  });
});
