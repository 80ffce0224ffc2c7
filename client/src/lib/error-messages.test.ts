import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { ApiError, NetworkError } from './api';
import { describeError } from './error-messages';
import de from '../i18n/de.json';
import en from '../i18n/en.json';
import openapi from '../../../docs/openapi.json';

const slowMode = new ApiError(429, ['Slow mode: wait 42 s before posting again in this debate.'], {
  statusCode: 429,
  code: 'slow_mode',
  retryAfter: 42,
});

describe('describeError', () => {
  it("translates a refusal by its code, with the figures its body carries, never showing the server's English", () => {
    const de = i18n.getFixedT('de');
    expect(describeError(slowMode, de, 'de')).toEqual([
      'Langsamer Modus: Warte 42 s, bevor du in dieser Debatte wieder postest.',
    ]);
    const unknownCode = new ApiError(409, ['Already flagged.'], { code: 'something_new' });
    expect(describeError(unknownCode, de, 'de')).toEqual([
      'Das passt nicht mehr zum aktuellen Stand. Lade neu und versuch es noch einmal.',
    ]);
    const validation = new ApiError(400, ['body must be a string'], {});
    expect(describeError(validation, de, 'de')[0]).toMatch(/nicht angenommen/);
    expect(describeError(new ApiError(500, ['Internal'], {}), de, 'de')).toEqual([
      'Etwas ist schiefgegangen. Bitte versuch es noch einmal.',
    ]);
  });

  it("shows the server's own words in English where no code names the refusal", () => {
    const english = i18n.getFixedT('en');
    expect(describeError(new ApiError(400, ['stance is for top-level posts only'], {}), english, 'en')).toEqual([
      'stance is for top-level posts only',
    ]);
    expect(describeError(slowMode, english, 'en')).toEqual([
      'Slow mode: wait 42 s before posting again in this debate.',
    ]);
  });

  it('says when nothing reached the server', () => {
    expect(describeError(new NetworkError('Failed to fetch'), i18n.getFixedT('en'), 'en')[0]).toMatch(/offline/);
  });

  it('has words in both languages for every code the API documents', () => {
    const codes = openapi.components.schemas.Error.properties.code.enum;
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      expect(typeof en.errors.codes[code as keyof typeof en.errors.codes], `en ${code}`).toBe('string');
      expect(typeof de.errors.codes[code as keyof typeof de.errors.codes], `de ${code}`).toBe('string');
    }
  });
});
