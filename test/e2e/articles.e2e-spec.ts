import { SORA_ARTICLE } from '../../src/articles/seed/sora-article.seed';
import { seedArticle } from '../../src/seed/seed.service';
import { startTestApp, TestApp } from '../support/app';
import { makers } from '../support/make';

describe('the article and its debates', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
  });
  afterAll(() => app.close());

  it('lists the Sora article', async () => {
    const response = await app.http().get('/api/articles').expect(200);
    expect(response.body.items).toContainEqual({
      id: expect.any(String),
      slug: 'sora-vom-text-zum-film',
      title: 'Sora: Vom Text zum Film',
      source: expect.any(String),
      publishedAt: '2024-02-21',
      language: 'de',
    });
  });

  it('gives one section per paragraph with German and English summaries, and at least 8 anchored debates', async () => {
    const response = await app.http().get('/api/articles/sora-vom-text-zum-film').expect(200);
    const { sections } = response.body;
    // Other suites add debates to the same article; these checks are about the seeded ones.
    const seeded = new Set(SORA_ARTICLE.debates.map((debate) => debate.question.en));
    const debates = response.body.debates.filter((debate: { question: string }) => seeded.has(debate.question));
    expect(sections.map((section: { position: number }) => section.position)).toEqual([1, 2, 3, 4]);
    for (const section of sections) {
      expect(section.summary.de.length).toBeGreaterThan(40);
      expect(section.summary.en.length).toBeGreaterThan(40);
    }
    expect(debates.length).toBeGreaterThanOrEqual(8);
    const sectionIds = new Set(sections.map((section: { id: string }) => section.id));
    for (const debate of debates) {
      expect(debate.sectionIds.length).toBeGreaterThan(0);
      for (const id of debate.sectionIds) expect(sectionIds.has(id)).toBe(true);
      expect(debate.i18n.de.question).toMatch(/\?$/);
      expect(debate).toMatchObject({ status: 'open', postCount: 0, stanceCounts: { pro: 0, contra: 0, neutral: 0 } });
    }
  });

  it('seeds idempotently: a second run creates nothing and keeps what people changed', async () => {
    const [debate] = (await app.http().get('/api/debates?limit=1').expect(200)).body.items;
    const moderator = await make.user({ role: 'moderator' });
    await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ status: 'locked' }).expect(200);
    const created = await app.dataSource.transaction((tx) => seedArticle(tx, SORA_ARTICLE));
    expect(created).toBe(0);
    const after = await app.http().get(`/api/debates/${debate.id}`).expect(200);
    expect(after.body.status).toBe('locked');
    await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ status: 'open' }).expect(200);
  });

  it('answers an unknown article with 404', async () => {
    await app.http().get('/api/articles/no-such-article').expect(404);
  });
});

describe('debates', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  let sectionIds: string[];

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
    sectionIds = await make.sectionIds();
  });
  afterAll(() => app.close());

  it('walks the list by cursor, every debate exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = await app.http().get(`/api/debates${query}`).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((debate: { id: string }) => debate.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await app.http().get('/api/debates?limit=200').expect(200);
    expect(all.body.nextCursor).toBeNull();
    expect(seen).toEqual(all.body.items.map((debate: { id: string }) => debate.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each(['0', '201', 'abc', '1.5'])('refuses limit=%s with 400', async (limit) => {
    const response = await app.http().get(`/api/debates?limit=${limit}`).expect(400);
    expect(JSON.stringify(response.body.message)).toContain('limit');
  });

  it('refuses a malformed cursor with 400', async () => {
    const response = await app.http().get('/api/debates?cursor=garbage').expect(400);
    expect(response.body.message).toContain('cursor');
  });

  it('answers 404 for an unknown debate and 400 for a malformed id', async () => {
    await app.http().get('/api/debates/00000000-0000-4000-8000-000000000000').expect(404);
    await app.http().get('/api/debates/42').expect(400);
  });

  it('lets an organiser add a debate anchored to sections', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const response = await app
      .http()
      .post('/api/debates')
      .set(organiser.auth)
      .send({
        question: 'Should AI video carry a visible label?',
        description: 'Labels and trust.',
        sectionIds: [sectionIds[3], sectionIds[0]],
      })
      .expect(201);
    expect(response.body).toMatchObject({
      question: 'Should AI video carry a visible label?',
      description: 'Labels and trust.',
      sectionIds: [sectionIds[3], sectionIds[0]],
      status: 'open',
      slowModeSeconds: 0,
      premoderated: false,
      postCount: 0,
      stanceCounts: { pro: 0, contra: 0, neutral: 0 },
    });
    const fetched = await app.http().get(`/api/debates/${response.body.id}`).expect(200);
    expect(fetched.body).toEqual(response.body);
  });

  it('refuses debates from participants (403) and guests (401)', async () => {
    const participant = await make.user();
    await app
      .http()
      .post('/api/debates')
      .set(participant.auth)
      .send({ question: 'Is this allowed at all?' })
      .expect(403);
    await app.http().post('/api/debates').send({ question: 'Is this allowed at all?' }).expect(401);
  });

  it('refuses unknown sections, bad ids, a blank question and unknown fields with 400', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const send = (body: object) => app.http().post('/api/debates').set(organiser.auth).send(body);
    await send({ question: 'Unknown section?', sectionIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    await send({ question: 'Bad section id?', sectionIds: ['nope'] }).expect(400);
    await send({ question: '    ' }).expect(400);
    await send({ question: 'Fine question?', extra: true }).expect(400);
  });

  it('lets a moderator lock a debate and set slow mode; others may not', async () => {
    const { id } = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    const response = await app
      .http()
      .patch(`/api/debates/${id}`)
      .set(moderator.auth)
      .send({ status: 'locked', slowModeSeconds: 30, premoderated: true })
      .expect(200);
    expect(response.body).toMatchObject({ status: 'locked', slowModeSeconds: 30, premoderated: true });
    const organiser = await make.user({ role: 'organiser' });
    await app.http().patch(`/api/debates/${id}`).set(organiser.auth).send({ status: 'open' }).expect(403);
    await app.http().patch(`/api/debates/${id}`).send({ status: 'open' }).expect(401);
  });

  it('refuses bad debate changes with 400 and changes nothing', async () => {
    const { id } = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    const patch = (body: object) => app.http().patch(`/api/debates/${id}`).set(moderator.auth).send(body);
    await patch({ status: 'closed' }).expect(400);
    await patch({ slowModeSeconds: -1 }).expect(400);
    await patch({ slowModeSeconds: 'ten' }).expect(400);
    await patch({}).expect(400);
    for (const field of ['status', 'slowModeSeconds', 'premoderated']) {
      const refused = await patch({ [field]: null }).expect(400);
      expect(JSON.stringify(refused.body.message)).toContain(field);
    }
    const debate = await app.http().get(`/api/debates/${id}`).expect(200);
    expect(debate.body).toMatchObject({ status: 'open', slowModeSeconds: 0, premoderated: false });
  });
});
