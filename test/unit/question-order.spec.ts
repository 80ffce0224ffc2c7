import type { Stance } from '../../src/debates/stance';
import { orderQuestions } from '../../src/sessions/question-order';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const q = (id: string, authorId: string, upvotes: number, minute: number) => ({
  id,
  authorId,
  upvotes,
  createdAt: at(minute),
});

describe('Q&A order', () => {
  const questions = [q('q1', 'pro1', 5, 1), q('q2', 'pro2', 9, 2), q('q3', 'con1', 1, 3), q('q4', 'none', 5, 4)];
  const sides: Record<string, Stance> = { pro1: 'pro', pro2: 'pro', con1: 'contra' };
  const stanceOf = (authorId: string) => sides[authorId];
  const ids = (list: { id: string }[]) => list.map((question) => question.id);

  it('top: most up-votes first, then the oldest', () => {
    expect(ids(orderQuestions(questions, 'top', stanceOf))).toEqual(['q2', 'q1', 'q4', 'q3']);
  });

  it('new: newest first', () => {
    expect(ids(orderQuestions(questions, 'new', stanceOf))).toEqual(['q4', 'q3', 'q2', 'q1']);
  });

  it('balanced: the top question of each side in turn, askers without a side last', () => {
    expect(ids(orderQuestions(questions, 'balanced', stanceOf))).toEqual(['q2', 'q3', 'q1', 'q4']);
  });

  it('balanced: the side whose best question ranks highest goes first', () => {
    const contraLeads = { pro1: 'pro', pro2: 'pro', con1: 'contra' } as Record<string, Stance>;
    const list = [q('p', 'pro1', 2, 1), q('c', 'con1', 7, 2), q('n', 'neu', 3, 3)];
    const order = orderQuestions(list, 'balanced', (id) => (id === 'neu' ? 'neutral' : contraLeads[id]));
    expect(ids(order)).toEqual(['c', 'n', 'p']);
  });

  it('balanced with nobody on a side is the top order', () => {
    expect(ids(orderQuestions(questions, 'balanced', () => undefined))).toEqual(['q2', 'q1', 'q4', 'q3']);
  });

  it('leaves its input as it was', () => {
    const copy = [...questions];
    orderQuestions(questions, 'balanced', stanceOf);
    expect(questions).toEqual(copy);
  });
});
