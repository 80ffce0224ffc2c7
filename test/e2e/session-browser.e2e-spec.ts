import { Locator, Page } from 'playwright-core';
import { useChromium } from '../support/browser';
import type { TestUser } from '../support/make';
import { sessionTestApp } from '../support/sessions';

/** Live sessions as people use them, in Debian's Chromium, by role and accessible name (shared/UI.md). */
describe('live sessions in the browser', () => {
  // Before sessionTestApp, so the client is built before the server that serves it starts (see useChromium).
  const browser = useChromium();
  const env = sessionTestApp();
  const { make, sessions } = env;
  const app = () => env.app();

  /** Waits until `locator` has the focus. */
  const focused = (locator: Locator) => locator.and(locator.page().locator(':focus')).waitFor();

  /** A phone-sized page, signed in as `user` unless a guest. */
  async function phone(user?: TestUser): Promise<Page> {
    const context = await browser().newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    if (user) {
      await page.goto(`${app().url}/login`);
      await page.getByLabel('Username').fill(user.username);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    }
    return page;
  }

  it('joins by code and votes; the chosen option shows, the vote moves, a new poll arrives live', async () => {
    const session = await sessions.live();
    const poll = await sessions.poll(session, { question: 'Should AI video carry a label?', options: ['Yes', 'No'] });
    const participant = await make.user();
    const page = await phone(participant);
    await page.goto(`${app().url}/s`);
    await page.getByLabel('Session code').fill(session.code.toLowerCase());
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { name: 'Should AI video carry a label?' }).waitFor();
    expect(page.url()).toContain(`/s/${session.code}`);

    await page.getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('button', { name: 'Yes', pressed: true }).waitFor();
    expect(await page.getByRole('button', { name: 'No', pressed: false }).count()).toBe(1);
    await page.getByText('1 person voted').waitFor();
    await page.getByRole('button', { name: 'No' }).click();
    await page.getByRole('button', { name: 'No', pressed: true }).waitFor();
    const counted = await env.api().get(`/api/polls/${poll.id}`).expect(200);
    expect(counted.body).toMatchObject({ counts: [0, 1], total: 1 });

    // The organiser opens another poll: it appears without a reload.
    await sessions.poll(session, { question: 'Who should check it?', options: ['Platforms', 'Viewers'] });
    await page.getByRole('heading', { name: 'Who should check it?' }).waitFor();
    // Screen readers are told, politely, once.
    await page
      .getByRole('status')
      .filter({ hasText: 'Poll opened: Who should check it?' })
      .waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Platforms' }).click();
    await page.getByRole('button', { name: 'Platforms', pressed: true }).waitFor();
  });

  it('shows a late joiner the countdown, the spotlight and questions, and takes a question and an up-vote', async () => {
    const session = await sessions.live();
    const author = await make.user();
    const post = await env
      .api(author)
      .post(`/api/debates/${session.debateIds[0]}/posts`)
      .send({ body: 'Labels **help** honest makers.', stance: 'pro' })
      .expect(201);
    await env.api(session.organiser).post(`/api/sessions/${session.id}/timer`).send({ seconds: 600 });
    const guest = await phone();
    await guest.goto(`${app().url}/s/${session.code}`);
    await guest
      .getByRole('timer')
      .getByText(/^(10:00|9:[0-5]\d)$/)
      .waitFor();
    await env.api(session.organiser).post(`/api/sessions/${session.id}/spotlight`).send({ postId: post.body.id });
    await guest.getByRole('region', { name: 'In the spotlight' }).getByText('Labels help honest makers.').waitFor();
    await guest.getByRole('status').filter({ hasText: 'A post is in the spotlight.' }).waitFor({ state: 'attached' });

    const participant = await make.user();
    const page = await phone(participant);
    await page.goto(`${app().url}/s/${session.code}`);
    await page.getByLabel('Your question').fill('Who pays for the checks?');
    await page.getByRole('button', { name: 'Ask' }).click();
    await guest.getByText('Who pays for the checks?').waitFor();
    await sessions.question(session, author, 'Do labels survive a re-upload?');
    const theirs = page.getByRole('listitem').filter({ hasText: 'Do labels survive a re-upload?' });
    await theirs.getByRole('button', { name: 'Upvote' }).click();
    await theirs.getByRole('button', { name: 'Upvote', pressed: true }).waitFor();
    await guest
      .getByRole('listitem')
      .filter({ hasText: 'Do labels survive a re-upload?' })
      .getByText('1 up-vote')
      .waitFor();
  });

  it('runs a session from the console and shows the report with the opinion shift', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const session = await sessions.session({ organiser, debates: 2 });
    const page = await browser().newPage({ locale: 'en-US' });
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${app().url}/login`);
    await page.getByLabel('Username').fill(organiser.username);
    await page.getByLabel('Password').fill(organiser.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${app().url}/sessions`);
    await page.getByRole('link', { name: 'Sora in class' }).click();

    // Repeated buttons are told apart by their item.
    const goTo = page.getByRole('button', { name: /^Go to this debate: Is this a test question/ });
    await goTo.first().waitFor();
    const names = await goTo.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    expect(new Set(names).size).toBe(names.length);
    await page.getByRole('button', { name: 'Start' }).click();
    // The focus stays on the control that changed, never dropped to <body>.
    await focused(page.getByRole('button', { name: 'Pause' }));
    await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Is Sora good for democracy?');
    await page.getByLabel('Options (one per line, 2–10)').fill('Yes\nNo');
    await page.getByLabel('Kind').selectOption({ label: 'Before (pre)' });
    await page.getByRole('button', { name: 'Add poll' }).click();
    await page.getByRole('button', { name: 'Open poll' }).click();
    await focused(page.getByRole('button', { name: 'Close poll' }));

    const polls = (await env.api().get(`/api/sessions/${session.id}/polls`)).body.items;
    const voter = await make.user();
    await sessions.vote(polls[0], voter, 0).expect(200);
    await page.getByText('1 person voted').waitFor();
    await page.getByRole('button', { name: 'Close poll' }).click();
    await focused(page.getByRole('heading', { name: 'Is Sora good for democracy?' }));

    await page.getByLabel('Kind').selectOption({ label: 'After (post)' });
    await page.getByRole('textbox', { name: 'Question', exact: true }).fill('And now?');
    await page.getByRole('button', { name: 'Add poll' }).click();
    await page.getByRole('button', { name: 'Open poll' }).click();
    await page.getByRole('button', { name: 'Close poll' }).waitFor();
    const post = (await env.api().get(`/api/sessions/${session.id}/polls`)).body.items[1];
    expect(post).toMatchObject({ kind: 'post', pairedPollId: polls[0].id });
    await sessions.vote(post, voter, 1).expect(200);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'End' }).click();
    await page.getByText('Ended').first().waitFor();
    await focused(page.getByRole('link', { name: 'Report' }));

    await page.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { name: 'Opinion shift' }).waitFor();
    await page.getByText('1 of 1 people who answered both changed their answer.').waitFor();
    await page.locator('.shift-chart svg').waitFor();
    for (const name of ['Download CSV', 'Download Markdown', 'Download JSON']) {
      expect(await page.getByRole('link', { name }).getAttribute('href')).toContain(
        `/api/sessions/${session.id}/report`,
      );
    }
  });
});
