/**
 * HTML → PDF with Debian's headless chromium (playwright-core `page.pdf()`; CJK text through the
 * Noto CJK fonts installed with it). One browser is started on the first report and closed after
 * a minute without one; every report gets its own context with JavaScript off and the network
 * refused, since the HTML is self-contained. playwright-core is loaded on the first PDF, so a
 * server installed without it still starts and serves everything else (XLSX reports included).
 */
import type { Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu'];
const IDLE_CLOSE_MS = 60_000;
const PDF_MARGIN = '12mm';

let browser: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | undefined;
let inUse = 0;

function launch(): Promise<Browser> {
  if (!browser) {
    const started = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, args: ARGS }));
    browser = started;
    // a failed launch is not kept: the next report tries again
    started.catch(() => { if (browser === started) browser = null; });
  }
  return browser;
}

function scheduleClose(): void {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (inUse > 0 || !browser) return;
    const closing = browser;
    browser = null;
    void closing.then((b) => b.close()).catch(() => undefined);
  }, IDLE_CLOSE_MS);
  idle.unref();
}

/** @throws Error when playwright-core or chromium cannot be loaded (e.g. `/usr/bin/chromium` missing). */
export async function htmlToPdf(html: string, landscape: boolean): Promise<Buffer> {
  inUse += 1;
  try {
    const context = await (await launch()).newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', landscape, printBackground: true, preferCSSPageSize: true, margin: { top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN } });
    } finally {
      await context.close();
    }
  } finally {
    inUse -= 1;
    scheduleClose();
  }
}

/** Closes the browser now (tests and shutdown). */
export async function closeReportBrowser(): Promise<void> {
  clearTimeout(idle);
  const closing = browser;
  browser = null;
  if (closing) await closing.then((b) => b.close()).catch(() => undefined);
}
