import { randomUUID } from 'node:crypto';
import { useTestApp } from '../support/app';
import { TestUser } from '../support/make';
import { moderationHelpers } from '../support/moderation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The audit log (moderators), the transparency log and summary (everyone), and that nothing rewrites either. */
describe('moderation logs', () => {
  const { app, make, api } = useTestApp();
  const mod = moderationHelpers(app, make);
  let moderator: TestUser;

  beforeAll(async () => {
    moderator = await make.user({ role: 'moderator' });
  });

  async function hidden() {
    const posted = await mod.postedDebate();
    await mod.act(moderator, posted.post.id, { action: 'hide', reason: 'Spam link', category: 'spam' }).expect(200);
    return posted;
  }

  it('shows moderators who acted, and the public what, to what, why and when, never by whom', async () => {
    const { post } = await hidden();
    const full = await api(moderator).get(`/api/moderation/log?targetId=${post.id}`).expect(200);
    expect(full.body).toEqual({
      items: [
        {
          id: expect.stringMatching(UUID),
          actor: { id: moderator.id, username: moderator.username, displayName: moderator.displayName },
          action: 'hide',
          targetType: 'post',
          targetId: post.id,
          reason: 'Spam link',
          category: 'spam',
          automatic: false,
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    const open = await api().get(`/api/transparency/log?targetId=${post.id}`).expect(200);
    const { actor: _actor, ...publicEntry } = full.body.items[0];
    expect(open.body.items).toEqual([publicEntry]);
    expect(JSON.stringify(open.body)).not.toContain(moderator.username);
  });

  it('pages newest first and filters by action', async () => {
    const first = await hidden();
    const second = await hidden();
    // Other test files write to the log at the same time: check order, not neighbours.
    const hides = await api().get('/api/transparency/log?action=hide&limit=200').expect(200);
    const ids = hides.body.items.map((entry: { targetId: string }) => entry.targetId);
    expect(ids.indexOf(second.post.id)).toBeLessThan(ids.indexOf(first.post.id));
    expect(hides.body.items.every((entry: { action: string }) => entry.action === 'hide')).toBe(true);
    const page = await api().get('/api/transparency/log?limit=1').expect(200);
    const next = await api().get(`/api/transparency/log?limit=1&cursor=${page.body.nextCursor}`).expect(200);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    expect(Date.parse(next.body.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(page.body.items[0].createdAt));
  });

  it.each([
    ['an unknown action', 'action=erase', 'action'],
    ['a target that is no UUID', 'targetId=x', 'targetId'],
    ['an unknown format', 'format=xml', 'format'],
    ['a malformed cursor', 'cursor=abc', 'cursor'],
  ])('refuses %s with 400', async (_case, query, word) => {
    const response = await api().get(`/api/transparency/log?${query}`).expect(400);
    expect(JSON.stringify(response.body.message)).toContain(word);
  });

  it('shows changes to the watched-word list publicly too, without actor and without the pattern', async () => {
    const pattern = `zq${randomUUID().slice(0, 8).replace(/\d/g, 'x')}`;
    const before = (await api().get('/api/transparency/summary?weeks=1').expect(200)).body;
    const rule = await mod.watch(moderator, pattern, 'flag');
    await mod.unwatch(moderator, rule.id);
    const full = await api(moderator).get(`/api/moderation/log?targetId=${rule.id}`).expect(200);
    expect(full.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'remove_watched_word',
      'add_watched_word',
    ]);
    expect(full.body.items[1].reason).toContain(pattern);
    const open = await api().get(`/api/transparency/log?targetId=${rule.id}`).expect(200);
    expect(open.body.items).toEqual(
      full.body.items.map(({ actor: _actor, ...entry }: Record<string, unknown>) => ({
        ...entry,
        reason: expect.any(String),
      })),
    );
    // Naming the words would teach evasion: the public sees that the list changed, not how.
    expect(JSON.stringify(open.body)).not.toContain(pattern);
    expect(JSON.stringify(open.body)).not.toContain(moderator.username);
    const csv = await api().get(`/api/transparency/log?format=csv&targetId=${rule.id}`).expect(200);
    expect(csv.text.trim().split('\n')).toHaveLength(3);
    expect(csv.text).not.toContain(pattern);
    const summary = (await api().get('/api/transparency/summary?weeks=1').expect(200)).body;
    const count = (week: { counts: { action: string; count: number }[] }, action: string) =>
      week.counts.find((entry) => entry.action === action)?.count ?? 0;
    for (const action of ['add_watched_word', 'remove_watched_word']) {
      expect(count(summary.weeks[0], action)).toBeGreaterThan(count(before.weeks[0], action));
    }
  });

  it('exports both logs as CSV downloads, formulas defused', async () => {
    const { post } = await mod.postedDebate();
    await mod.act(moderator, post.id, { action: 'hide', reason: '=HYPERLINK("http://evil")' }).expect(200);
    const csv = await api().get(`/api/transparency/log?format=csv&targetId=${post.id}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="transparency-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('id,createdAt,action,targetType,targetId,category,reason,automatic');
    expect(lines[1]).toContain(`hide,post,${post.id}`);
    const [entry] = (await api().get(`/api/transparency/log?targetId=${post.id}`).expect(200)).body.items;
    expect(entry.id).toMatch(UUID);
    expect(lines[1].startsWith(`${entry.id},`)).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.text).not.toContain(moderator.username);

    const staff = await api(moderator).get(`/api/moderation/log?format=csv&targetId=${post.id}`).expect(200);
    expect(staff.headers['content-disposition']).toContain('moderation-log-');
    expect(staff.text.split('\n')[0]).toBe('id,createdAt,action,targetType,targetId,category,reason,automatic,actor');
    expect(staff.text).toContain(moderator.username);
  });

  it('records what moderators do in threads and debates too: lock, slow mode, deleting or editing a post', async () => {
    const { debate, author, post } = await mod.postedDebate();
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ status: 'locked', slowModeSeconds: 30 }).expect(200);
    const debateLog = await api().get(`/api/transparency/log?targetId=${debate.id}`).expect(200);
    expect(debateLog.body.items).toEqual([
      expect.objectContaining({
        action: 'set_slow_mode',
        targetType: 'debate',
        reason: 'Slow mode: one post every 30 s.',
      }),
      expect.objectContaining({ action: 'lock_debate', targetType: 'debate' }),
    ]);
    await api(moderator).patch(`/api/posts/${post.id}`).send({ body: 'Redacted address' }).expect(200);
    await api(moderator).delete(`/api/posts/${post.id}`).expect(204);
    const postLog = await api(moderator).get(`/api/moderation/log?targetId=${post.id}`).expect(200);
    expect(postLog.body.items.map((entry: { action: string }) => entry.action)).toEqual(['delete', 'edit']);
    // A deletion in the thread is a decision like any other: its author may appeal it.
    await api(author).post('/api/appeals').send({ targetType: 'post', targetId: post.id, message: 'Why?' }).expect(201);
    // What authors do to their own posts is theirs, not moderation.
    const own = await mod.postedDebate();
    await api(own.author).delete(`/api/posts/${own.post.id}`).expect(204);
    await api().get(`/api/transparency/log?targetId=${own.post.id}`).expect(200, { items: [], nextCursor: null });
  });

  it('cannot be changed or deleted, not even by the database owner', async () => {
    const { post } = await hidden();
    const before = await app().dataSource.query(`SELECT reason FROM moderation_log WHERE target_id = $1`, [post.id]);
    await expect(
      app().dataSource.query(`UPDATE moderation_log SET reason = 'Nothing happened' WHERE target_id = $1`, [post.id]),
    ).rejects.toThrow(/append-only/);
    await expect(app().dataSource.query(`DELETE FROM moderation_log WHERE target_id = $1`, [post.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(app().dataSource.query(`TRUNCATE moderation_log CASCADE`)).rejects.toThrow(/append-only/);
    expect(await app().dataSource.query(`SELECT reason FROM moderation_log WHERE target_id = $1`, [post.id])).toEqual(
      before,
    );
  });

  it('sums up actions per rule per week, and appeals reversed', async () => {
    const { author, post } = await hidden();
    const appeal = await api(author)
      .post('/api/appeals')
      .send({ targetType: 'post', targetId: post.id, message: 'Not spam' })
      .expect(201);
    const other = await make.user({ role: 'moderator' });
    const before = (await api().get('/api/transparency/summary?weeks=4').expect(200)).body;
    await api(other)
      .post(`/api/appeals/${appeal.body.id}/decision`)
      .send({ decision: 'reverse', reason: 'A real source' })
      .expect(200);
    const summary = (await api().get('/api/transparency/summary?weeks=4').expect(200)).body;
    expect(summary.weeks).toHaveLength(4);
    const thisWeek = summary.weeks[3];
    expect(new Date(`${thisWeek.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(thisWeek.counts).toContainEqual({ category: 'spam', action: 'hide', count: expect.any(Number) });
    expect(thisWeek.counts.some((count: { action: string }) => count.action.endsWith('_appeal'))).toBe(false);
    expect(summary.appealsReversed).toBe(before.appealsReversed + 1);
    expect(thisWeek.appealsReversed).toBe(before.weeks[3].appealsReversed + 1);
    await api().get('/api/transparency/summary?weeks=0').expect(400);
    await api().get('/api/transparency/summary?weeks=x').expect(400);
  });
});
