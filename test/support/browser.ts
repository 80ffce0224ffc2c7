import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { TestAppOptions, useTestApp } from './app';
import { TestUser, uniqueName } from './make';

/**
 * Debian's Chromium for the enclosing `describe`, with client/dist built first (when missing or stale, as npm start
 * does). Call it before the hooks that start the server, so the client is built before the server that serves it
 * starts, and the browser closes before the server does. Answers the browser, once launched.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    execSync('node scripts/ensure-built.mjs', { cwd: join(__dirname, '../..'), stdio: 'ignore' });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 120_000);
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('Chromium starts in beforeAll: use it inside tests and hooks.');
    return browser;
  };
}

/** The real server serving the built client, and Debian's Chromium to use it as a person does. */
export function useBrowserApp(options: Pick<TestAppOptions, 'ownDatabase'> = {}) {
  const browser = useChromium();
  const testApp = useTestApp(options);
  const { app } = testApp;

  /** A fresh browser profile in `locale`; an error thrown by the page fails the test. */
  async function newPage(locale = 'en-US'): Promise<Page> {
    const context = await browser().newContext({ locale });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  }

  /** Creates an account through the form; answers its username. */
  async function signUp(page: Page): Promise<string> {
    const username = uniqueName('web');
    await page.goto(`${app().url}/register`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill('a long password');
    await page.locator('button[type="submit"]').click();
    await page.locator('.site-header__user').waitFor();
    return username;
  }

  /** Signs `user` (made with make.user) in through the form, then opens `path`. */
  async function signIn(page: Page, user: TestUser, path = '/'): Promise<void> {
    await page.goto(`${app().url}/login`);
    await page.locator('input[name="username"]').fill(user.username);
    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.locator('.site-header__user').waitFor();
    await page.goto(`${app().url}${path}`);
  }

  // The browser itself is for a test that needs a context of its own (init scripts, listeners before load).
  return { ...testApp, newPage, signUp, signIn, browser };
}
