// The team results page for a manager who is not a statistician (issue
// #12, item 2): the demo manager signs in and lands on their team's page,
// which opens with the summary in words, then the dot chart, whose text is
// drawn at 11 px or more on a laptop and stays readable on a phone; no
// width scrolls sideways. Screenshots in both languages at both widths.
// Its own server and demo.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DESKTOP,
  MOBILE,
  expectNoHorizontalScroll,
  expectVisible,
  launchBrowser,
  newContext,
  on,
  readable,
  screenshot,
  shotPath,
  startServer,
  submitAndWait,
  visit,
  signIn,
} from './lib.mjs';

let server;
let browser;
const TIMEOUT = { timeout: 120_000 };
const TEAM = /^\/orgs\/[^/]+\/campaigns\/[^/]+\/teams\/[^/]+$/;
const LAPTOP = { ...DESKTOP, viewport: { width: 1366, height: 768 } };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

const signInAsManager = (options) => signIn(browser, server, 'manager', options);

/** The rendered heights of the chart's texts, smallest first. */
async function chartTextHeights(page) {
  return page.locator('.chart-dots svg[role=img] text').evaluateAll((texts) =>
    texts.map((t) => t.getBoundingClientRect().height).sort((a, b) => a - b),
  );
}

let teamPath;

test('the manager lands on their team page, which opens with the summary in words', TIMEOUT, readable('team laptop', async () => {
  const { context, page } = await signInAsManager(LAPTOP);
  try {
    teamPath = new URL(page.url()).pathname;
    assert.match(teamPath, TEAM, `the manager lands on their team's results, not ${page.url()}`);
    // The summary is the first section of the page, before any chart or table.
    const first = await page.locator('main section').first().getAttribute('id');
    assert.equal(first, 'summary', 'the summary is the first section');
    const order = await page.evaluate(() => {
      const at = (sel) => {
        const el = document.querySelector(sel);
        return el ? el.compareDocumentPosition(document.querySelector('#summary')) : null;
      };
      return { chart: at('.chart-dots'), table: at('table.scores') };
    });
    // DOCUMENT_POSITION_PRECEDING (2): the summary comes before them.
    assert.equal(order.chart & 2, 2, 'the summary precedes the chart');
    assert.equal(order.table & 2, 2, 'the summary precedes the detailed table');
    const summary = page.locator('#summary');
    await expectVisible(summary.locator('h3'), 'the summary headings');
    const sentences = await summary.locator('ul.findings li, p.findings-none').allInnerTexts();
    assert.ok(sentences.length >= 1 && sentences.length <= 3, `one to three findings: ${sentences.join(' | ')}`);
    for (const s of sentences) assert.match(s, /\d+ points|Nothing stands out/, `a finding names its size: ${s}`);
    assert.ok(!/significant/i.test(await summary.innerText()), 'the summary says it in words, not "significant"');
    // The chart: a visible title and legend, five perspectives.
    await expectVisible(page.locator('.chart-dots figcaption'), 'the chart title');
    assert.equal(await page.locator('.chart-dots .chart-legend li').count(), 5);
    assert.ok((await page.locator('.chart-dots svg[role=img] path[data-perspective]').count()) > 0, 'markers');
    // How to read, and no "< k" jargon anywhere on the page.
    await expectVisible(page.locator('details.how-to-read summary'), 'how to read');
    assert.ok(!(await page.locator('main').innerText()).includes('< k'));
    const heights = await chartTextHeights(page);
    assert.ok(heights.length > 11, `chart texts: ${heights.length}`);
    console.log(`# chart text at 1366 px: ${heights[0].toFixed(1)}–${heights.at(-1).toFixed(1)} px`);
    assert.ok(heights[0] >= 11, `chart text at least 11 px high at 1366 px, smallest ${heights[0]}`);
    await expectNoHorizontalScroll(page, 'team page 1366 en');
    await screenshot(page, 'team-1366-en');
    await page.locator('.chart-dots').screenshot({ path: shotPath('team-chart-1366-en') });
    await visit(page, 'team page (fr)', `${teamPath}?lang=fr`);
    assert.match(await page.locator('#summary h2').innerText(), /En bref/);
    await expectNoHorizontalScroll(page, 'team page 1366 fr');
    await screenshot(page, 'team-1366-fr');
  } finally {
    await context.close();
  }
}));

test('on a 390 px phone the team page fits and its chart stays readable', TIMEOUT, readable('team phone', async () => {
  const { context, page } = await signInAsManager(MOBILE);
  try {
    assert.match(new URL(page.url()).pathname, TEAM);
    for (const lang of ['en', 'fr']) {
      await visit(page, `team page (${lang}, phone)`, `${new URL(page.url()).pathname}?lang=${lang}`);
      await expectNoHorizontalScroll(page, `team page 390 ${lang}`);
      const heights = await chartTextHeights(page);
      console.log(`# chart text at 390 px (${lang}): ${heights[0].toFixed(1)}–${heights.at(-1).toFixed(1)} px`);
      assert.ok(heights[0] >= 10, `chart text legible on a phone, smallest ${heights[0]}`);
      const box = await page.locator('.chart-dots svg[role=img]').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `the chart fits the phone: ${JSON.stringify(box)}`);
      await screenshot(page, `team-390-${lang}`);
      await page.locator('#summary').screenshot({ path: shotPath(`team-summary-390-${lang}`) });
      await page.locator('.chart-dots').screenshot({ path: shotPath(`team-chart-390-${lang}`) });
    }
  } finally {
    await context.close();
  }
}));
