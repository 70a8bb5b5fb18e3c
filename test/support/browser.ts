import { existsSync } from 'node:fs';
import { type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: `npx playwright install` cannot download a browser on this network. */
export const chromiumPath = '/usr/bin/chromium';

// Headless as root; without the background-networking flags Chromium keeps
// calling Google's hosts and this machine's closed network refuses them.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A Chromium with a fresh profile of its own; close() ends it and removes the profile. */
export interface TestBrowser {
  /** A fresh context (cookies, storage) and page, with what the page says on its console collected. */
  openPage(options?: BrowserContextOptions): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The page's console errors and warnings, uncaught exceptions and failed requests since the last call. */
  takeProblems(): string[];
}

/**
 * Launches Debian's Chromium headless through playwright-core. Fails with the
 * install command when it is missing, so a test says what to do rather than
 * showing Playwright's download hint, which does not work here.
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}; the browser tests need Debian's package: ` +
        'run `apt-get update && apt-get install -y chromium` (as .ci/run does).',
    );
  }
  // launch() gives every browser a fresh --user-data-dir of its own (a mkdtemp
  // folder in the OS temp dir, removed on close) and refuses one in `args`.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  return {
    async openPage(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`console.${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(
          `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
        ),
      );
      return { page, context, takeProblems: () => problems.splice(0) };
    },
    async close() {
      await browser.close();
    },
  };
}
