/**
 * HTML → PDF with Debian's headless chromium (playwright-core `page.pdf()`; CJK text through the
 * Noto CJK fonts installed with it), shared by every printed document (the warning reports, the
 * published budget list). One browser is started on the first PDF and closed after a minute
 * without one; every PDF gets its own context with JavaScript off and the network refused, since
 * the HTML is self-contained. playwright-core is loaded on the first PDF, so a server installed
 * without it still starts and serves everything else (XLSX and CSV included).
 */
import type { Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu'];
const IDLE_CLOSE_MS = 60_000;
const PDF_MARGIN = '12mm';
/** The page-number footer sits in the bottom margin; chromium's footer text defaults to an unreadable size. */
const FOOTER_FONT_PX = 8;

export interface PdfOptions {
  /** A4 landscape instead of portrait (a CSS `@page { size }` in the HTML wins, as `preferCSSPageSize` says). */
  landscape?: boolean;
  /** Printed at the foot of every page before "page / pages"; plain text (it is escaped here). Omitted: no footer. */
  footer?: string;
}

let browser: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | undefined;
let inUse = 0;

function launch(): Promise<Browser> {
  if (!browser) {
    const started = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, args: ARGS }));
    browser = started;
    // a failed launch is not kept: the next PDF tries again
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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe inside HTML elements and quoted attributes of the printed pages. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Chromium fills `pageNumber` / `totalPages` spans of the template on every page. */
function footerTemplate(text: string): string {
  return `<div style="width:100%;margin:0 ${PDF_MARGIN};font-size:${FOOTER_FONT_PX}px;color:#8c8c8c;font-family:'Noto Sans CJK SC',sans-serif;display:flex;justify-content:space-between">`
    + `<span>${escapeHtml(text)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

/**
 * The PDF bytes of a self-contained HTML page (no script runs, no resource is fetched), A4.
 * @throws Error when playwright-core or chromium cannot be loaded (e.g. `/usr/bin/chromium` missing).
 */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  inUse += 1;
  try {
    const context = await (await launch()).newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4', landscape: options.landscape ?? false, printBackground: true, preferCSSPageSize: true,
        margin: { top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN },
        ...(options.footer === undefined ? {} : { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footerTemplate(options.footer) }),
      });
    } finally {
      await context.close();
    }
  } finally {
    inUse -= 1;
    scheduleClose();
  }
}

/** Closes the browser now (tests and shutdown). */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idle);
  const closing = browser;
  browser = null;
  if (closing) await closing.then((b) => b.close()).catch(() => undefined);
}
