// The browser-test harness: a demo office in a temporary folder, the sandbox served on a free port, and Debian's
// Chromium driven by playwright-core. A failing test leaves a screenshot in test-results/.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, chromium, Frame, Page } from 'playwright-core';
import { openOffice, Office } from '../../../src/local/office';
import { seedDemoOffice } from '../../../src/local/sandbox/demo-office';
import { RunningSandbox, startSandbox } from '../../../src/local/sandbox/server';

export interface Harness {
  office: Office;
  sandbox: RunningSandbox;
  browser: Browser;
  page: Page;
  url(pathname: string): string;
  close(): Promise<void>;
}

const RESULTS = path.resolve(__dirname, '../../../test-results');

export async function openHarness(): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-'));
  const office = openOffice({ dir, clockStart: '2026-03-02T09:00:00+03:00' });
  seedDemoOffice(office, dir);
  const sandbox = await startSandbox(office, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    office,
    sandbox,
    browser,
    page,
    url: (pathname) => `http://127.0.0.1:${sandbox.port}${pathname}`,
    async close() {
      await browser.close();
      sandbox.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Screenshot of the page under the current test's name; call from a catch before rethrowing. */
export async function screenshotOnFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    fs.mkdirSync(RESULTS, { recursive: true });
    await page
      .screenshot({ path: path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '_')}.png`), fullPage: true })
      .catch(() => undefined);
    throw e;
  }
}

/** Opens a CRM menu item the way a person does, and returns the sidebar's frame once its script has loaded. */
export async function openSidebar(page: Page, caption: RegExp): Promise<Frame> {
  // A sidebar left open from before is replaced: wait for the new one. The page renders its menu and its sidebar in
  // the same step, so once the menu is there, so is any old sidebar.
  const menuButton = page.locator('.menubar .menu[data-menu] > button').first();
  await menuButton.waitFor();
  const shown = page.locator('aside.sidebar iframe');
  const old = (await shown.count()) ? await shown.getAttribute('src') : null;
  await menuButton.click();
  await page.getByRole('menuitem', { name: caption }).click();
  const handle = await page.waitForSelector(old ? `aside.sidebar iframe:not([src="${old}"])` : 'aside.sidebar iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('sidebar iframe has no frame');
  await frame.waitForLoadState('load');
  return frame;
}
