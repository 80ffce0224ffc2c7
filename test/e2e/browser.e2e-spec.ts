import { useBrowserApp } from '../support/browser';

/**
 * The product as a person uses it: Debian's Chromium, driven by role and accessible name (shared/UI.md),
 * against the real server serving the built client.
 */
describe('in the browser', () => {
  const { app, make, api, newPage, signUp, browser } = useBrowserApp();

  it('shows the article and its debates, and switches language', async () => {
    const page = await newPage();
    await page.goto(app().url);
    await page.getByRole('heading', { name: 'Sora: Vom Text zum Film' }).waitFor();
    expect(await page.getByRole('link', { name: /watermarks or provenance metadata/ }).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await page.getByRole('heading', { name: 'Offene Fragen' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByRole('link', { name: /Wasserzeichen/ }).count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Open questions' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('creates an account, signs out and signs in again; a wrong password shows why', async () => {
    const page = await newPage();
    const username = await signUp(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Wrong username or password.').waitFor();
    await page.getByLabel('Password').fill('a long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('argues live: a post, a reply and a vote reach another reader without reload', async () => {
    const debate = await make.debate({ question: 'Can watermarks survive a re-upload?' });
    const writer = await newPage();
    await signUp(writer);
    const reader = await newPage();
    await reader.goto(`${app().url}/debates/${debate.id}`);
    await reader.getByRole('heading', { name: 'Can watermarks survive a re-upload?' }).waitFor();
    await writer.goto(`${app().url}/debates/${debate.id}`);
    await reader.getByText('2 here').waitFor();

    await writer.getByLabel('Your argument').fill('Metadata is **stripped** by most platforms.');
    await writer.getByRole('radiogroup', { name: 'Stance' }).getByRole('radio', { name: 'Contra' }).check();
    await writer.getByRole('button', { name: 'Post', exact: true }).click();
    const seen = reader.getByRole('article').filter({ hasText: 'Metadata is stripped by most platforms.' });
    await seen.waitFor();
    expect(await seen.locator('strong').textContent()).toBe('stripped');

    // Someone else's post, up-voted by the writer: the reader sees the score move.
    const other = await make.user();
    await make.post(debate, { author: other, body: 'C2PA helps honest publishers.', stance: 'pro' });
    const theirs = writer.getByRole('article').filter({ hasText: 'C2PA helps honest publishers.' });
    await theirs.getByRole('button', { name: 'Upvote' }).click();
    await theirs.getByRole('button', { name: 'Upvote', pressed: true }).waitFor();
    await reader
      .getByRole('article')
      .filter({ hasText: 'C2PA helps honest publishers.' })
      .getByText('1', { exact: true })
      .waitFor();

    // One composer at a time: the reply's box is the only "Your argument" on the page.
    await theirs.getByRole('button', { name: 'Reply' }).click();
    await writer.getByLabel('Your argument').fill('Only if platforms keep the manifest.');
    await writer.getByRole('button', { name: 'Post', exact: true }).click();
    const reply = reader.getByRole('article').filter({ hasText: 'Only if platforms keep the manifest.' });
    await reply.waitFor();
    await reply.getByRole('button', { name: 'Upvote' }).waitFor(); // the reply's own actions, not its parent's

    // The writer withdraws the first post: the reader sees a tombstone, without the author.
    const mine = writer.getByRole('article').filter({ hasText: 'Metadata is stripped by most platforms.' });
    await mine.getByRole('button', { name: 'Delete' }).click();
    await reader.getByRole('article').filter({ hasText: 'This post was deleted.' }).waitFor();
    expect(await seen.count()).toBe(0);
  });

  it('keeps the draft when slow mode refuses a post, and when a lock arrives while typing', async () => {
    const debate = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ slowModeSeconds: 120 }).expect(200);
    const page = await newPage();
    await signUp(page);
    await page.goto(`${app().url}/debates/${debate.id}`);
    await page.getByLabel('Your argument').fill('First thoughts.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('article').filter({ hasText: 'First thoughts.' }).waitFor();
    await page.getByLabel('Your argument').fill('Second thoughts, too soon.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/Slow mode: wait \d+ s/)
      .waitFor();
    expect(await page.getByLabel('Your argument').inputValue()).toBe('Second thoughts, too soon.');

    await api(moderator).patch(`/api/debates/${debate.id}`).send({ status: 'locked' }).expect(200);
    await page.getByText('This debate is locked: no new posts.').waitFor();
    expect(await page.getByRole('button', { name: 'Post', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Your argument').inputValue()).toBe('Second thoughts, too soon.');
  });

  it('renders hostile markup without running it and without a single CSP violation or console error', async () => {
    const debate = await make.debate();
    const author = await make.user();
    // Each would set window.__ran if any of it executed; CSP would block the rest, and say so in the console.
    const run = 'window.__ran=1';
    const hostile = [
      `<img src=x onerror="${run}">`,
      `<svg onload="${run}"><circle r=1></svg>`,
      `<details open ontoggle="${run}"><summary>x</summary></details>`,
      `<a href="javascript:${run}">link</a> and [md link](javascript:${run})`,
      `<iframe srcdoc="<script>parent.${run}</script>"></iframe>`,
      `<math><mtext><table><mglyph><style><img src=x onerror="${run}">`,
      `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
      `<form><button formaction="javascript:${run}">go</button></form>`,
      `<div style="background:url(javascript:${run})" onmouseover="${run}">styled</div>`,
      `<object data="javascript:${run}"></object><embed src="javascript:${run}">`,
      `<video><source onerror="${run}"></video><audio src=x onerror="${run}"></audio>`,
      `<body onload="${run}"><input autofocus onfocus="${run}"><select autofocus onfocus="${run}">`,
      `<meta http-equiv="refresh" content="0;url=javascript:${run}"><base href="javascript:/">`,
      `<script>${run}</script>`,
      '```html\n<img src=x onerror=alert(1)>\n```',
      `Plain **bold** survives`,
    ];
    for (const body of hostile) {
      await api(author).post(`/api/debates/${debate.id}/posts`).send({ body }).expect(201);
    }

    const context = await browser().newContext({ locale: 'en-US' });
    // Installed before any script of the page runs, so no violation can come before the listener.
    await context.addInitScript({
      content: `window.__violations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          window.__violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample));`,
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // A guest's page asks who is signed in and is told 401, as the API says; Chrome logs that response.
      if (message.location().url.endsWith('/api/auth/me')) return;
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${app().url}/debates/${debate.id}`);
    await page.getByRole('article').filter({ hasText: 'Plain bold survives' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(hostile.length);
    // Give any handler a chance to fire: hover and focus what is there.
    await page.getByText('styled').hover();
    const outcome = await page.evaluate('({ ran: window.__ran ?? null, violations: window.__violations })');
    expect(outcome).toEqual({ ran: null, violations: [] });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
