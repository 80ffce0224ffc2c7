import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { makers, uniqueName } from '../support/make';

/**
 * The product as a person uses it: Debian's Chromium, driven by role and accessible name (shared/UI.md),
 * against the real server serving the built client.
 */
describe('in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let make: ReturnType<typeof makers>;

  beforeAll(async () => {
    // The server serves client/dist: build it when it is missing or older than its sources, as npm start does.
    execSync('node scripts/ensure-built.mjs', { cwd: join(__dirname, '../..'), stdio: 'ignore' });
    app = await startTestApp();
    make = makers(app);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  }

  async function signUp(page: Page): Promise<string> {
    const username = uniqueName('web');
    await page.goto(`${app.url}/register`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('a long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return username;
  }

  it('shows the article and its debates, and switches language', async () => {
    const page = await newPage();
    await page.goto(app.url);
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
    await reader.goto(`${app.url}/debates/${debate.id}`);
    await reader.getByRole('heading', { name: 'Can watermarks survive a re-upload?' }).waitFor();
    await writer.goto(`${app.url}/debates/${debate.id}`);
    await reader.getByText('2 here').waitFor();

    await writer.getByLabel('Your argument').fill('Metadata is **stripped** by most platforms.');
    await writer.getByRole('radiogroup', { name: 'Stance' }).getByRole('radio', { name: 'Contra' }).check();
    await writer.getByRole('button', { name: 'Post', exact: true }).click();
    const seen = reader.getByRole('article').filter({ hasText: 'Metadata is stripped by most platforms.' });
    await seen.waitFor();
    expect(await seen.locator('strong').textContent()).toBe('stripped');

    // Someone else's post, up-voted by the writer: the reader sees the score move.
    const other = await make.user();
    await app
      .http()
      .post(`/api/debates/${debate.id}/posts`)
      .set(other.auth)
      .send({ body: 'C2PA helps honest publishers.', stance: 'pro' })
      .expect(201);
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
    await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ slowModeSeconds: 120 }).expect(200);
    const page = await newPage();
    await signUp(page);
    await page.goto(`${app.url}/debates/${debate.id}`);
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

    await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ status: 'locked' }).expect(200);
    await page.getByText('This debate is locked: no new posts.').waitFor();
    expect(await page.getByRole('button', { name: 'Post', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Your argument').inputValue()).toBe('Second thoughts, too soon.');
  });
});
