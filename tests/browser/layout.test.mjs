// Every main page fits its screen: at 390 and 1,366 px wide, in French and
// English, no page is wider than the viewport (wide tables and charts
// scroll inside their own box), chart text renders at 11 px or more, every
// chart has a visible title and the heat-map a colour legend. Screenshots
// of each page at both widths land in target/screenshots/layout-*.png.
// The pages are found by clicking from the director's landing page; each
// width then opens them with its own browser of that size.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { expectVisible, launchBrowser, newContext, readable, screenshot, signIn, startServer, submitAndWait, visit } from './lib.mjs';

let server;
let browser;
const TIMEOUT = { timeout: 240_000 };
const pages = {};
let state;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The director signs in once and clicks to each main page.
  const { context, page } = await signIn(browser, server, 'director', { viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  const here = () => new URL(page.url()).pathname;
  pages.dashboard = here();
  const click = async (locator, what) => {
    await expectVisible(locator.first(), what);
    await submitAndWait(page, locator.first(), what);
    return here();
  };
  pages.team = await click(page.locator('table.heatmap tbody th a[href*="/teams/"]'), 'a team of the heat-map');
  pages.campaign = await click(page.locator('nav.breadcrumbs a').nth(1), 'the campaign (breadcrumb)');
  pages.audit = await click(page.locator('main a[href$="/audit"]'), 'the audit');
  await page.goBack();
  pages.actions = await click(page.locator('main a[href$="/actions"]'), 'the action plan');
  state = await context.storageState();
  await context.close();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

/** Rendered size (CSS px) of the smallest visible chart text on the page. */
async function smallestChartText(page) {
  return page.evaluate(() => {
    let smallest = Infinity;
    let where = '';
    for (const svg of document.querySelectorAll('figure.chart svg')) {
      const box = svg.getBoundingClientRect();
      const view = svg.viewBox.baseVal;
      if (!box.width || !view || !view.width) continue;
      const scale = box.width / view.width;
      for (const text of svg.querySelectorAll('text')) {
        // Text shown only on paper (the points' numbers) is not measured on screen.
        if (!text.textContent.trim() || !text.getClientRects().length) continue;
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (size < smallest) {
          smallest = size;
          where = `${svg.id}: "${text.textContent.trim().slice(0, 40)}"`;
        }
      }
    }
    return { smallest, where };
  });
}

for (const width of [390, 1366]) {
  for (const lang of ['fr', 'en']) {
    test(`every main page fits ${width} px in ${lang}`, TIMEOUT, readable(`layout ${width} ${lang}`, async () => {
      const options = width === 390
        ? { viewport: { width, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'fr-FR', storageState: state }
        : { viewport: { width, height: 900 }, locale: 'fr-FR', storageState: state };
      const context = await newContext(browser, server.base, options);
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        const label = `${name} at ${width} px (${lang})`;
        await visit(page, label, `${path}?lang=${lang}`);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        // A phone widens its layout viewport to the content (innerWidth
        // follows it): the screen's width is the measure.
        assert.ok(scrollWidth <= width + 1, `[${label}] the page is ${scrollWidth} px wide on a ${width} px screen (window ${innerWidth} px)`);
        const charts = await page.locator('figure.chart').count();
        if (charts > 0) {
          const { smallest, where } = await smallestChartText(page);
          assert.ok(smallest >= 11 - 0.05, `[${label}] chart text renders at ${smallest.toFixed(1)} px (${where})`);
          const untitled = await page.locator('figure.chart:not(:has(figcaption.chart-title))').count();
          assert.equal(untitled, 0, `[${label}] ${untitled} chart(s) without a visible title`);
        }
        if (name === 'dashboard') {
          await expectVisible(page.locator('.heat-legend'), `[${label}] the heat-map's colour legend`);
          const jargon = await page.locator('table.heatmap').innerText();
          assert.ok(!/<\s*k\b/.test(jargon), `[${label}] "< k" in the heat-map`);
        }
        await screenshot(page, `layout-${name}-${width}-${lang}`);
      }
      await context.close();
    }));
  }
}

test('on paper the scatters name their teams', TIMEOUT, readable('layout print', async () => {
  const context = await newContext(browser, server.base, { viewport: { width: 1366, height: 900 }, storageState: state });
  const page = await context.newPage();
  await visit(page, 'audit (print)', `${pages.audit}?lang=fr`);
  const screenNumbers = await page.locator('svg#eei-csi text.point-number').first().isVisible();
  assert.equal(screenNumbers, false, '[audit] the numbers are for paper only');
  await page.emulateMedia({ media: 'print' });
  const numbers = await page.locator('svg#eei-csi text.point-number').count();
  const names = page.locator('figure:has(svg#eei-csi) ol.point-legend li');
  assert.ok(numbers > 10, `[audit (print)] ${numbers} numbered points`);
  assert.equal(await names.count(), numbers, '[audit (print)] one name per numbered point');
  assert.ok(await names.first().isVisible(), '[audit (print)] the names are printed');
  assert.ok(await page.locator('svg#eei-csi text.point-number').first().isVisible(), '[audit (print)] the numbers are printed');
  await screenshot(page, 'layout-audit-print-fr');
  await context.close();
}));
