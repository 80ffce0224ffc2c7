import { Page } from 'playwright-core';
import { ownTestDatabase, startTestApp, TestApp } from '../support/app';
import { useChromium } from '../support/browser';
import { makers, TestUser } from '../support/make';
import { moderationHelpers, uniqueWord } from '../support/moderation';

/** Moderation as people do it, in Debian's Chromium, by role and accessible name (shared/UI.md). */
describe('moderation in the browser', () => {
  const browser = useChromium();
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  let mod: ReturnType<typeof moderationHelpers>;
  let database: Awaited<ReturnType<typeof ownTestDatabase>> | undefined;

  // A database of its own: the queue shows the forum's oldest 20 open items, which other files' flags would fill.
  beforeAll(async () => {
    database = await ownTestDatabase('moderation_browser');
    app = await startTestApp({ DATABASE_URL: database.url });
    make = makers(app);
    mod = moderationHelpers(app, make);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function signedIn(user: TestUser, locale = 'en-US'): Promise<Page> {
    const context = await browser().newContext({ locale });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${app.url}/login`);
    await page.getByLabel(locale.startsWith('de') ? 'Benutzername' : 'Username').fill(user.username);
    await page.getByLabel(locale.startsWith('de') ? 'Passwort' : 'Password').fill(user.password);
    await page.getByRole('button', { name: locale.startsWith('de') ? 'Anmelden' : 'Sign in' }).click();
    await page.getByRole('button', { name: locale.startsWith('de') ? 'Abmelden' : 'Sign out' }).waitFor();
    return page;
  }

  it('flag → the live queue → restore: a doctored clip flagged, hidden by the threshold, restored by a moderator', async () => {
    const { debate, post } = await mod.postedDebate('This video proves the senator said it.');
    const moderator = await make.user({ role: 'moderator' });
    const desk = await signedIn(moderator);
    await desk.goto(`${app.url}/moderation`);
    await desk.getByRole('heading', { name: 'Moderation queue' }).waitFor();

    const reader = await signedIn(await make.user());
    await reader.goto(`${app.url}/debates/${debate.id}`);
    const article = reader.getByRole('article').filter({ hasText: 'This video proves the senator said it.' });
    await article.getByRole('button', { name: 'Flag' }).click();
    const dialog = reader.getByRole('dialog', { name: 'Flag this post' });
    await dialog
      .getByRole('radiogroup', { name: 'Reason' })
      .getByRole('radio', { name: 'Manipulated or AI-generated media' })
      .check();
    await dialog.getByLabel('Note').fill('The lip movements do not match the audio.');
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await article.getByRole('button', { name: 'Flagged' }).waitFor();

    // The queue shows it without a reload, with the flag and its note.
    const item = desk.getByRole('article').filter({ hasText: 'This video proves the senator said it.' });
    await item.getByText('The lip movements do not match the audio.').waitFor();

    // Two more people: the threshold hides it for everyone, the reader included.
    await mod.flaggedBy(2, post.id);
    await article.waitFor({ state: 'detached' });
    await item.getByText('Hidden', { exact: true }).waitFor();

    expect(await item.getByRole('button', { name: 'Restore' }).isDisabled()).toBe(true);
    await item.getByLabel('Reason').fill('Checked with the original broadcast: it is authentic.');
    await item.getByRole('button', { name: 'Restore' }).click();
    await item.waitFor({ state: 'detached' });

    await reader.getByRole('article').filter({ hasText: 'This video proves the senator said it.' }).waitFor();
    await desk.getByRole('tab', { name: 'Audit log' }).click();
    await desk.getByText('Checked with the original broadcast: it is authentic.').waitFor();
    await reader.goto(`${app.url}/transparency`);
    await reader.getByRole('heading', { name: 'Transparency log' }).waitFor();
    await reader.getByText('Checked with the original broadcast: it is authentic.').first().waitFor();
    expect(await reader.getByText(moderator.displayName).count()).toBe(0);
  });

  it('in German: a watched word refused in the reader’s language, a hidden post marked for its author, who appeals', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const word = uniqueWord();
    const rule = await mod.watch(moderator, word, 'block');
    try {
      const { debate, author, post } = await mod.postedDebate('Meine umstrittene These');
      await mod.act(moderator, post.id, { action: 'hide', reason: 'Persönlicher Angriff' }).expect(200);
      const page = await signedIn(author, 'de-DE');
      await page.goto(`${app.url}/debates/${debate.id}`);

      const mine = page.getByRole('article').filter({ hasText: 'Meine umstrittene These' });
      await mine.getByText('Eine Moderator:in hat ihn verborgen: Persönlicher Angriff').waitFor();
      await mine.getByRole('button', { name: 'Einspruch' }).click();
      const dialog = page.getByRole('dialog', { name: 'Einspruch gegen diese Entscheidung' });
      await dialog.getByLabel('Warum sollte die Entscheidung aufgehoben werden?').fill('Das war Kritik an der These.');
      await dialog.getByRole('button', { name: 'Einspruch senden' }).click();
      await mine.getByText('Dein Einspruch wartet auf eine Moderator:in.').waitFor();

      await page.getByLabel('Dein Argument').fill(`Das ist ${word}.`);
      await page.getByRole('button', { name: 'Senden', exact: true }).click();
      await page.getByRole('alert').getByText(`Dein Text enthält „${word}“`, { exact: false }).waitFor();
      expect(await page.getByLabel('Dein Argument').inputValue()).toBe(`Das ist ${word}.`);
    } finally {
      await mod.unwatch(moderator, rule.id);
    }
  });
});
