import { describe, expect, it } from 'vitest';
import i18n from '../../lib/i18n';
import { describeSessionChanges, SessionMoment } from './session-announcements';

const t = i18n.getFixedT('en');
const moment: SessionMoment = {
  status: 'live',
  spotlightPostId: null,
  currentDebateId: 'd1',
  polls: [{ id: 'p1', question: 'Labels?', state: 'open' }],
};

describe('describeSessionChanges', () => {
  it('says nothing on the first look, nor when nothing changed', () => {
    expect(describeSessionChanges(null, moment, t)).toEqual([]);
    expect(describeSessionChanges(moment, { ...moment }, t)).toEqual([]);
  });

  it('tells of a poll opening and closing, the spotlight, the next debate, a pause and the end', () => {
    const next: SessionMoment = {
      status: 'paused',
      spotlightPostId: 'post-1',
      currentDebateId: 'd2',
      polls: [
        { id: 'p1', question: 'Labels?', state: 'closed' },
        { id: 'p2', question: 'Who checks?', state: 'open' },
      ],
    };
    expect(describeSessionChanges(moment, next, t)).toEqual([
      'The session is paused.',
      'The session moved on to another debate.',
      'Poll closed: Labels?',
      'Poll opened: Who checks?',
      'A post is in the spotlight.',
    ]);
    expect(describeSessionChanges(next, { ...next, status: 'live', spotlightPostId: null }, t)).toEqual([
      'The session goes on.',
      'The spotlight was cleared.',
    ]);
    expect(describeSessionChanges(next, { ...next, status: 'ended' }, i18n.getFixedT('de'))).toEqual([
      'Die Sitzung ist beendet.',
    ]);
  });
});
