import type { Debate } from '../../lib/api/types';

/** A seeded debate carries both languages; one an organiser wrote carries its own words only. */
export function localizedDebate(debate: Debate, language: string): { question: string; description: string } {
  return debate.i18n?.[language] ?? { question: debate.question, description: debate.description };
}
