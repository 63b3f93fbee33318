/** Chromium from the system (CI installs it), driven by playwright-core; helpers every browser test shares. */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results');

export const VIEWPORTS = {
  laptop: { width: 1280, height: 800 },
  tablet: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * How long a step waits for what a person would see. Generous on purpose: CI may run on a busy
 * machine several times slower than a laptop, and a step that is merely slow is not a failure.
 */
export const STEP_TIMEOUT_MS = 60_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything a page reported that a person would never want: console errors, CSP violations, uncaught errors. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly cspViolations: string[];
  readonly pageErrors: string[];
}

export interface OpenedPage {
  readonly page: Page;
  readonly problems: PageProblems;
  close(): Promise<void>;
}

/** Every page still open, so that a failed test can show what each person was looking at. */
export const openPages = new Set<Page>();

/** A fresh browser context (empty storage, default locale) at one of the target sizes. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: ViewportName,
): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORTS[viewport] });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

  // Injected by the browser's automation channel, so the strict CSP does not block it; it makes
  // every violation visible even when Chromium would not log it to the console.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Chromium logs every 4xx/5xx fetch as a console error; a 401 for "no session yet" or a wrong
    // passphrase is the API speaking, not the page failing.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    if (/Content Security Policy|CSP violation/i.test(text)) problems.cspViolations.push(text);
    else problems.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));

  return { page, problems, close: () => context.close() };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}
