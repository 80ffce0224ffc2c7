import { Locator } from 'playwright-core';
import { useBrowserApp } from '../support/browser';
import { moderationHelpers, uniqueWord } from '../support/moderation';

/**
 * What a keyboard and screen-reader user needs beyond names (shared/UI.md): the focus goes somewhere meaningful
 * after every action, never to <body>; an author can appeal what stands against their post; refusals say so at once.
 */
describe('accessibility in the browser', () => {
  // A database of its own: the queue shows the forum's oldest 20 open items, which other files' flags would fill.
  const { app, make, newPage: openPage, signIn } = useBrowserApp({ ownDatabase: true });
  // Each step waits at most 10 s, so a failure names the step rather than the test's timeout.
  const newPage = async (locale?: string) => {
    const page = await openPage(locale);
    page.setDefaultTimeout(10_000);
    return page;
  };
  const mod = () => moderationHelpers(app(), make);

  /** Waits until `locator` has the focus (it fails by the test's timeout if the focus never gets there). */
  const focused = (locator: Locator) => locator.and(locator.page().locator(':focus')).waitFor();

  it('"Your argument" is a text box; its counter is no live region; Post and Reply keep the focus in place', async () => {
    const { debate } = await mod().postedDebate('The first argument here.');
    const page = await newPage();
    await signIn(page, await make.user(), `/debates/${debate.id}`);
    const box = page.getByRole('textbox', { name: 'Your argument' });
    await box.fill('Provenance needs more than watermarks.');
    expect(await page.locator('[aria-live]').filter({ hasText: 'characters' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('article').filter({ hasText: 'Provenance needs more than watermarks.' }).waitFor();
    await focused(box);

    const first = page.getByRole('article').filter({ hasText: 'The first argument here.' });
    await first.getByRole('button', { name: 'Reply' }).click();
    await focused(first.getByRole('textbox', { name: 'Your argument' }));
    await page.keyboard.type('I agree with that.');
    await first.getByRole('button', { name: 'Post', exact: true }).click();
    await focused(first.getByRole('button', { name: 'Reply' }));
  });

  it('after Send flag the focus is on Flagged; Delete moves it to Undo, and Undo to the post', async () => {
    const { debate } = await mod().postedDebate('Someone else’s claim.');
    const author = await make.user();
    await mod().post(author, debate.id, { body: 'My own claim.' });
    const page = await newPage();
    await signIn(page, author, `/debates/${debate.id}`);

    const theirs = page.getByRole('article').filter({ hasText: 'Someone else’s claim.' });
    await theirs.getByRole('button', { name: 'Flag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flag this post' });
    await dialog.getByRole('radio', { name: 'Spam' }).check();
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await focused(theirs.getByRole('button', { name: 'Flagged' }));

    const mine = page.getByRole('article').filter({ hasText: 'My own claim.' });
    await mine.getByRole('button', { name: 'Delete' }).click();
    await focused(page.getByRole('button', { name: 'Undo' }));
    await page.keyboard.press('Enter');
    await focused(mine);
  });

  it('a queue action moves the focus to the next item, and past the last one to the queue heading', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const first = await mod().postedDebate(`Queued first ${uniqueWord()}`);
    const second = await mod().postedDebate(`Queued second ${uniqueWord()}`);
    await mod()
      .flag(await make.user(), first.post.id)
      .expect(201);
    await mod()
      .flag(await make.user(), second.post.id)
      .expect(201);
    const page = await newPage();
    await signIn(page, moderator, '/moderation');
    const item = (post: { body: string }) => page.getByRole('article').filter({ hasText: post.body });
    // Older items of other tests may come first: decide the newest two, last one first.
    await item(second.post).getByLabel('Reason').fill('Not spam.');
    await item(second.post).getByRole('button', { name: 'Dismiss' }).click();
    await item(second.post).waitFor({ state: 'detached' });
    await focused(item(first.post).getByRole('heading'));
    await item(first.post).getByLabel('Reason').fill('Not spam either.');
    await item(first.post).getByRole('button', { name: 'Dismiss' }).click();
    await item(first.post).waitFor({ state: 'detached' });
    // Items of the other tests may remain: the focus is on one of their headings, or the queue's.
    await focused(page.getByRole('heading'));
  });

  it('the author appeals a moderator’s Delete of their post, and the focus goes to what the appeal says now', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const { debate, author, post } = await mod().postedDebate('Removed by a decision.');
    await mod().act(moderator, post.id, { action: 'delete', reason: 'Off topic' }).expect(200);
    const page = await newPage();
    await signIn(page, author, `/debates/${debate.id}`);
    const tombstone = page.getByRole('article').filter({ hasText: 'A moderator deleted your post: Off topic' });
    await tombstone.getByRole('button', { name: 'Appeal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Appeal this decision' });
    await dialog.getByLabel('Why should the decision be reversed?').fill('It answers the question asked.');
    await dialog.getByRole('button', { name: 'Send appeal' }).click();
    await focused(tombstone.getByText('Your appeal is waiting for a moderator.'));

    // Others see a plain tombstone, with nothing to appeal.
    const other = await newPage();
    await signIn(other, await make.user(), `/debates/${debate.id}`);
    await other.getByRole('article').filter({ hasText: 'This post was deleted.' }).waitFor();
    expect(await other.getByRole('button', { name: 'Appeal' }).count()).toBe(0);
  });

  it('the author of a post held by pre-moderation sees it pending, with Appeal (UI.md § Moderation)', async () => {
    const debate = await make.debate({ premoderated: true });
    const author = await make.user();
    await mod().post(author, debate.id, { body: 'Waiting for a moderator.' });
    const page = await newPage();
    await signIn(page, author, `/debates/${debate.id}`);
    const mine = page.getByRole('article').filter({ hasText: 'Waiting for a moderator.' });
    await mine.getByText('Every new post in this debate waits for a moderator.').waitFor();
    await mine.getByRole('button', { name: 'Appeal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Appeal this decision' });
    await dialog.getByLabel('Why should the decision be reversed?').fill('It is on topic.');
    await dialog.getByRole('button', { name: 'Send appeal' }).click();
    await focused(mine.getByText('Your appeal is waiting for a moderator.'));
  });

  it('a guest opening a report is asked to sign in and brought back; an unknown session says so', async () => {
    const missing = '/sessions/00000000-0000-0000-0000-000000000000/report';
    const guest = await newPage('de-DE');
    await guest.goto(`${app().url}${missing}`);
    await guest.getByRole('link', { name: 'Melde dich an, um den Bericht zu sehen' }).waitFor();

    const page = await newPage();
    await page.goto(`${app().url}${missing}`);
    await page.getByRole('link', { name: 'Sign in to see the report' }).click();
    const user = await make.user();
    await page.locator('input[name="username"]').fill(user.username);
    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').getByText('There is no such session.').waitFor();
    expect(new URL(page.url()).pathname).toBe(missing);
  });
});
