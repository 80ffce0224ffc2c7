import { useBrowserApp } from '../support/browser';
import { TestPost } from '../support/make';

/** What people coming from Discourse and Kialo expect, tried in the browser by role and accessible name. */
describe('in the browser: participants', () => {
  const { app, make, api, newPage, signUp, signIn } = useBrowserApp();

  it('deletes with Undo: undone, nothing changes; let go, the tombstone comes; with replies it asks first', async () => {
    const debate = await make.debate();
    const author = await make.user();
    await make.post(debate, { author, body: 'Second thoughts on provenance.' });
    const answered = await make.post(debate, { author, body: 'A post with a reply under it.' });
    await make.reply(answered, { body: 'The reply that stays.' });
    const page = await newPage();
    await signIn(page, author, `/debates/${debate.id}`);

    const mine = page.getByRole('article').filter({ hasText: 'Second thoughts on provenance.' });
    await mine.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').filter({ hasText: 'Post deleted.' }).getByRole('button', { name: 'Undo' }).click();
    await mine.waitFor();
    await page.reload();
    await mine.waitFor(); // the server never heard of the delete

    await mine.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Delete now' }).click();
    await page.getByRole('article').filter({ hasText: 'This post was deleted.' }).waitFor();
    expect((await api().get(`/api/posts/${answered.id}`)).body.status).toBe('visible');

    const withReply = page.getByRole('article').filter({ hasText: 'A post with a reply under it.' });
    await withReply.getByRole('button', { name: 'Delete' }).click();
    const confirm = withReply.getByRole('group', { name: 'Confirm deletion' });
    await confirm.getByText('It has 1 reply, which stays in place. Delete it?').waitFor();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await withReply.getByRole('button', { name: 'Delete' }).waitFor();
  });

  it('opens a permalink to a deep reply with the posts above it, highlighted and focused', async () => {
    const debate = await make.debate();
    const chain: TestPost[] = [await make.post(debate, { body: 'Level 0: the claim.' })];
    for (let depth = 1; depth <= 9; depth++) {
      chain.push(await make.reply(chain[depth - 1], { body: `Level ${depth}: a reply.` }));
    }
    const page = await newPage();
    await page.goto(`${app().url}/debates/${debate.id}/posts/${chain[7].id}`);
    const focused = page.locator('article[aria-current="true"]');
    await focused.getByText('Level 7: a reply.').waitFor();
    await page.getByRole('article').filter({ hasText: 'Level 0: the claim.' }).waitFor();
    await page.getByRole('article').filter({ hasText: 'Level 9: a reply.' }).waitFor();
    expect(await page.locator(':focus').getAttribute('id')).toBe(`post-${chain[7].id}`);
    expect(await focused.isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Show the whole debate' }).click();
    await page.getByRole('article').filter({ hasText: 'Level 0: the claim.' }).waitFor();

    // The sort is in the address, so a reload keeps it.
    await page.getByRole('group', { name: 'Sort' }).getByRole('button', { name: 'New' }).click();
    await page.waitForURL(/sort=new/);
    await page.reload();
    await page.getByRole('button', { name: 'New', pressed: true }).waitFor();

    const hidden = await make.reply(chain[2], { body: 'Soon hidden.' });
    await make.hide(hidden);
    await page.goto(`${app().url}/debates/${debate.id}/posts/${hidden.id}`);
    await page.getByRole('heading', { name: 'This post is not available' }).waitFor();
  });

  it('reads a debate as an outline with the keyboard', async () => {
    const debate = await make.debate();
    const claim = await make.post(debate, { body: 'Labels work.', stance: 'pro' });
    await make.post(debate, { body: 'Labels fail.', stance: 'contra' });
    await make.reply(claim, { body: 'They get cropped out.', relation: 'challenges' });
    await make.reply(claim, { body: 'Viewers do notice them.', relation: 'supports' });
    const page = await newPage();
    await page.goto(`${app().url}/debates/${debate.id}`);
    await page.getByRole('link', { name: 'Outline' }).click();
    const tree = page.getByRole('tree', { name: 'Outline of the debate' });
    const item = (text: string) => tree.getByRole('treeitem').filter({ hasText: text }).first();
    const focusedText = async () => (await page.locator(':focus').textContent()) ?? '';

    await item('Labels work.').focus();
    await item('Labels work.').getByText('1 support · 1 challenge').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toContain('Labels fail.');
    await page.keyboard.press('ArrowUp');
    expect(await item('Labels work.').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    expect(await item('Labels work.').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight');
    // Supporting replies come first, then challenging ones.
    expect(await focusedText()).toContain('Viewers do notice them.');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toContain('They get cropped out.');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedText()).toContain('Labels work.');
    await page.keyboard.press('ArrowLeft');
    expect(await item('Labels work.').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('End');
    expect(await focusedText()).toContain('Labels fail.');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/posts\//);
    await page.locator('article[aria-current="true"]').getByText('Labels fail.').waitFor();
  });

  it('notifies a mention live, and opening it leads to the post', async () => {
    const debate = await make.debate();
    const named = await make.user();
    const page = await newPage();
    await signIn(page, named, '/');
    const link = page.getByRole('link', { name: /^Notifications/ });
    await link.waitFor();
    const writer = await make.user();
    await make.post(debate, { author: writer, body: `What do you think, @${named.username}?` });
    await link.getByLabel('1 unread').waitFor();
    await link.click();
    await page.getByRole('link', { name: `New ${writer.displayName} mentioned you` }).click();
    await page.waitForURL(/\/posts\//);
    const focused = page.locator('article[aria-current="true"]');
    await focused.getByRole('link', { name: `@${named.username}` }).waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor(); // no count left
  });

  it('tells a German reader why a post was refused, in German, and keeps the draft', async () => {
    const debate = await make.debate({ slowModeSeconds: 300 });
    const page = await newPage('de-DE');
    await signUp(page);
    await page.goto(`${app().url}/debates/${debate.id}`);
    const box = page.getByLabel('Dein Argument');
    await box.fill('Erster Gedanke.');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    await page.getByRole('article').filter({ hasText: 'Erster Gedanke.' }).waitFor();
    await box.fill('Zweiter Gedanke, zu früh.');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/Langsamer Modus: Warte \d+ s/).waitFor();
    expect(await alert.textContent()).not.toMatch(/Slow mode|wait/);
    expect(await box.inputValue()).toBe('Zweiter Gedanke, zu früh.');

    // Too long is said before sending, and Post says why it is disabled.
    await box.fill('x'.repeat(10_005));
    await page.getByText('5 Zeichen zu viel (höchstens 10.000)').waitFor();
    expect(await page.getByRole('button', { name: 'Senden', exact: true }).isDisabled()).toBe(true);
    await page.getByText('Kürze es auf 10.000 Zeichen, um es zu posten.').waitFor();
    expect((await box.inputValue()).length).toBe(10_005);
  });

  it('sends guests to sign in and back to the same place, and shows unknown pages inside the layout', async () => {
    const debate = await make.debate({ question: 'Can a guest vote here?' });
    await make.post(debate, { body: 'Vote on me.' });
    const page = await newPage();
    await page.goto(`${app().url}/debates/${debate.id}?sort=new`);
    const post = page.getByRole('article').filter({ hasText: 'Vote on me.' });
    await post.getByRole('button', { name: 'Upvote' }).click();
    await post.getByRole('link', { name: 'Sign in to vote' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Create account' }).click();
    await page.getByLabel('Username').fill(`guest_${Date.now()}`);
    await page.getByLabel('Password').fill('a long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${app().url}/debates/${debate.id}?sort=new`);
    await page.getByRole('heading', { name: 'Can a guest vote here?' }).waitFor();

    await page.goto(`${app().url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the article and its debates' }).click();
    await page.getByRole('heading', { name: 'Open questions' }).waitFor();
    await page.goto(`${app().url}/debates/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'There is no such debate.' }).waitFor();
  });
});
