import { SORA_ARTICLE } from '../../src/articles/seed/sora-article.seed';
import { seedArticle } from '../../src/seed/seed.service';
import { useTestApp } from '../support/app';

describe('the article and its debates', () => {
  const { app, make, api } = useTestApp();

  it('lists the Sora article', async () => {
    const response = await api().get('/api/articles').expect(200);
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
    const response = await api().get('/api/articles/sora-vom-text-zum-film').expect(200);
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
    const [debate] = (await api().get('/api/debates?limit=1').expect(200)).body.items;
    const moderator = await make.user({ role: 'moderator' });
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ status: 'locked' }).expect(200);
    const created = await app().dataSource.transaction((tx) => seedArticle(tx, SORA_ARTICLE));
    expect(created).toBe(0);
    const after = await api().get(`/api/debates/${debate.id}`).expect(200);
    expect(after.body.status).toBe('locked');
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ status: 'open' }).expect(200);
  });

  it('answers an unknown article with 404', async () => {
    await api().get('/api/articles/no-such-article').expect(404);
  });
});

describe('debates', () => {
  const { make, api } = useTestApp();
  let sectionIds: string[];
  beforeAll(async () => {
    sectionIds = await make.sectionIds();
  });

  it('walks the list by cursor: every debate that existed at the start exactly once, even while others are added', async () => {
    // Other test files add debates to the same database while this runs, as real organisers would.
    const walk = async (limit: number): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
        const page = await api().get(`/api/debates${query}`).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.body.items.map((debate: { id: string }) => debate.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids;
    };
    const before = await walk(200);
    await make.debate();
    const seen = await walk(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, before.length)).toEqual(before);
    expect(seen.length).toBeGreaterThan(before.length);
  });

  it.each(['0', '201', 'abc', '1.5'])('refuses limit=%s with 400', async (limit) => {
    const response = await api().get(`/api/debates?limit=${limit}`).expect(400);
    expect(JSON.stringify(response.body.message)).toContain('limit');
  });

  it('refuses a malformed cursor with 400', async () => {
    const response = await api().get('/api/debates?cursor=garbage').expect(400);
    expect(response.body.message).toContain('cursor');
  });

  it('answers 404 for an unknown debate and 400 for a malformed id', async () => {
    await api().get('/api/debates/00000000-0000-4000-8000-000000000000').expect(404);
    await api().get('/api/debates/42').expect(400);
  });

  it('lets an organiser add a debate anchored to sections', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const response = await api(organiser)
      .post('/api/debates')
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
    const fetched = await api().get(`/api/debates/${response.body.id}`).expect(200);
    expect(fetched.body).toEqual(response.body);
  });

  it('refuses debates from participants (403) and guests (401)', async () => {
    const participant = await make.user();
    await api(participant).post('/api/debates').send({ question: 'Is this allowed at all?' }).expect(403);
    await api().post('/api/debates').send({ question: 'Is this allowed at all?' }).expect(401);
  });

  it('refuses unknown sections, bad ids, a blank question and unknown fields with 400', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const send = (body: object) => api(organiser).post('/api/debates').send(body);
    await send({ question: 'Unknown section?', sectionIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    await send({ question: 'Bad section id?', sectionIds: ['nope'] }).expect(400);
    await send({ question: '    ' }).expect(400);
    await send({ question: 'Fine question?', extra: true }).expect(400);
  });

  it('lets a moderator lock a debate and set slow mode; others may not', async () => {
    const { id } = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    const response = await api(moderator)
      .patch(`/api/debates/${id}`)
      .send({ status: 'locked', slowModeSeconds: 30, premoderated: true })
      .expect(200);
    expect(response.body).toMatchObject({ status: 'locked', slowModeSeconds: 30, premoderated: true });
    const organiser = await make.user({ role: 'organiser' });
    await api(organiser).patch(`/api/debates/${id}`).send({ status: 'open' }).expect(403);
    await api().patch(`/api/debates/${id}`).send({ status: 'open' }).expect(401);
  });

  it('refuses bad debate changes with 400 and changes nothing', async () => {
    const { id } = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    const patch = (body: object) => api(moderator).patch(`/api/debates/${id}`).send(body);
    await patch({ status: 'closed' }).expect(400);
    await patch({ slowModeSeconds: -1 }).expect(400);
    await patch({ slowModeSeconds: 'ten' }).expect(400);
    await patch({}).expect(400);
    for (const field of ['status', 'slowModeSeconds', 'premoderated']) {
      const refused = await patch({ [field]: null }).expect(400);
      expect(JSON.stringify(refused.body.message)).toContain(field);
    }
    const debate = await api().get(`/api/debates/${id}`).expect(200);
    expect(debate.body).toMatchObject({ status: 'open', slowModeSeconds: 0, premoderated: false });
  });
});
