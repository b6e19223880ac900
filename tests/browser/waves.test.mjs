// Issue #15 in a real browser: on the demo's latest wave a director reads
// who moves first (a sentence with its interval, then the two-arrow chart),
// whether each dimension may be read at team level, and the distance to the
// symmetry label; the action plan shows which adopted points beat the
// branches that did not adopt them. English and French, 1366 and 390 px,
// nothing wider than the screen. Its own server and demo.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DESKTOP,
  MOBILE,
  checkAccessibility,
  expectNoHorizontalScroll,
  expectVisible,
  expectText,
  launchBrowser,
  on,
  readable,
  screenshot,
  shotPath,
  signIn,
  startServer,
  submitAndWait,
  visit,
} from './lib.mjs';

let server;
let browser;
const TIMEOUT = { timeout: 180_000 };
const DASHBOARD = /^\/orgs\/[^/]+\/campaigns\/[^/]+\/dashboard$/;
const LAPTOP = { ...DESKTOP, viewport: { width: 1366, height: 768 } };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

let dashboardPath;

test('the director reads who moves first, team-level readability and the label distance', TIMEOUT, readable('waves laptop', async () => {
  const { context, page } = await signIn(browser, server, 'director', LAPTOP);
  try {
    dashboardPath = new URL(page.url()).pathname;
    assert.match(dashboardPath, DASHBOARD, `the director lands on the latest dashboard, not ${page.url()}`);
    await expectVisible(page.locator('h1', { hasText: 'Vague 3' }), 'the latest wave is the third');
    // Who moves first: words first, with the interval, then the chart.
    const lagged = page.locator('section[aria-labelledby=lagged-heading]');
    await expectVisible(lagged, 'the who-moves-first section');
    const lead = await lagged.locator('p.lead').innerText();
    assert.match(lead, /Employees move first/, `the reading: ${lead}`);
    const figures = await lagged.locator('p').nth(1).innerText();
    assert.match(figures, /β = 0\.\d\d \[-?0\.\d\d ; \d\.\d\d\]/, `paths with intervals: ${figures}`);
    assert.match(await lagged.innerText(), /not proof of cause/);
    const arrows = lagged.locator('.chart-lagged svg[role=img] line');
    assert.equal(await arrows.count(), 4, 'two cross paths and two stabilities');
    // Aggregation: one row per dimension with a verdict.
    const rows = page.locator('table.aggregation tbody tr');
    assert.equal(await rows.count(), 11);
    assert.match(await page.locator('#aggregation-heading').innerText(), /team level/);
    // The label: three audits and the average.
    const label = page.locator('table.label-readiness tbody tr');
    assert.equal(await label.count(), 4);
    await expectNoHorizontalScroll(page, 'dashboard 1366 en');
    await checkAccessibility(page, 'dashboard with the issue-15 sections');
    await screenshot(page, 'waves-dashboard-1366-en');
    await lagged.screenshot({ path: shotPath('waves-lagged-1366-en') });
    await visit(page, 'dashboard (fr)', `${dashboardPath}?lang=fr`);
    assert.match(await lagged.locator('p.lead').innerText(), /Les collaborateurs entraînent les clients/);
    await expectNoHorizontalScroll(page, 'dashboard 1366 fr');
    await screenshot(page, 'waves-dashboard-1366-fr');
    // The action plan: adopted points against the branches that did not adopt them.
    const orgPath = dashboardPath.split('/campaigns/')[0];
    await visit(page, 'action plan', `${orgPath}/actions?lang=en`);
    const did = page.locator('.did');
    assert.ok((await did.count()) > 0, 'differences in differences are shown');
    assert.match(await did.first().innerText(), /adopting teams/);
    await expectNoHorizontalScroll(page, 'actions 1366 en');
    await screenshot(page, 'waves-actions-1366-en');
  } finally {
    await context.close();
  }
}));

test('on a 390 px phone the new sections fit', TIMEOUT, readable('waves phone', async () => {
  const { context, page } = await signIn(browser, server, 'director', MOBILE);
  try {
    for (const lang of ['en', 'fr']) {
      await visit(page, `dashboard (${lang}, phone)`, `${dashboardPath}?lang=${lang}`);
      await expectNoHorizontalScroll(page, `dashboard 390 ${lang}`);
      const box = await page.locator('.chart-lagged svg[role=img]').boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the chart fits the phone: ${JSON.stringify(box)}`);
      await screenshot(page, `waves-dashboard-390-${lang}`);
    }
  } finally {
    await context.close();
  }
}));

test('a consultant sets the label thresholds by clicking, and the audit and its export follow', TIMEOUT, readable('label settings', async () => {
  const { context, page } = await signIn(browser, server, 'consultant', LAPTOP);
  try {
    // From the portfolio to the organisation, then its settings.
    await submitAndWait(page, page.locator('main a', { hasText: 'Banque Horizon' }).first(), 'open the bank');
    on(page, 'organisation');
    await submitAndWait(page, page.locator('main a.button[href$="/edit"]'), 'edit the organisation');
    on(page, 'organisation settings');
    assert.equal(await page.inputValue('#label_floor'), '55');
    assert.equal(await page.inputValue('#label_average'), '70');
    // Out of range: the browser holds the form back (min 0, max 100; the
    // server's own refusal, translated and keeping what was typed, is in
    // tests/api/results.rs), and nothing is lost.
    await page.fill('#label_floor', '101');
    await page.fill('#label_average', '65');
    const before = page.url();
    await page.locator('main form button[type=submit]').click();
    assert.equal(page.url(), before, 'not sent');
    assert.equal(await page.locator('#label_floor:invalid').count(), 1, 'marked invalid');
    assert.equal(await page.inputValue('#label_floor'), '101', 'kept as typed');
    assert.equal(await page.inputValue('#label_average'), '65');
    await expectNoHorizontalScroll(page, 'organisation form 1366 en');
    await screenshot(page, 'label-settings-1366-en');
    await page.fill('#label_floor', '60');
    await submitAndWait(page, page.locator('main form button[type=submit]'), 'save 60 / 65');
    on(page, 'organisation after saving');
    // The latest results, then the label section and the audit's annex.
    await submitAndWait(page, page.locator('main a.button', { hasText: /Vague 3/ }).first(), 'latest results');
    on(page, 'dashboard');
    await expectText(
      page.locator('section[aria-labelledby=label-heading] p.lead'),
      /each at least 60 out of 100, averaging more than 65/,
      'the rule with the new thresholds',
    );
    await submitAndWait(page, page.locator('main a.button', { hasText: /^Audit/ }).first(), 'open the audit');
    on(page, 'audit');
    await expectText(page.locator('section[aria-labelledby=method-heading] p', { hasText: 'Distance to the label' }), /at least 60 and their average exceeds 65/, 'the annex');
    // The cross-wave figures, downloaded from the audit's export link.
    const link = page.locator('#exports a', { hasText: 'from one wave to the next' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = shotPath('waves-export.csv');
    await download.saveAs(file);
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    assert.match(text.split('\n')[0], /^\uFEFF?analysis,previous_campaign,adopted_point,/, 'the waves CSV header');
    assert.match(text, /cross_lagged,Vague 2/, 'a panel row against the second wave');
    assert.match(text, /difference_in_differences,Vague 2[^\n]*,listen-inside,/, 'an adopted point');
    await screenshot(page, 'label-audit-1366-en');
  } finally {
    await context.close();
  }
  // On a phone, in French: the settings form fits.
  const phone = await signIn(browser, server, 'consultant', MOBILE);
  try {
    await submitAndWait(phone.page, phone.page.locator('main a', { hasText: 'Banque Horizon' }).first(), 'open the bank (phone)');
    await submitAndWait(phone.page, phone.page.locator('main a.button[href$="/edit"]'), 'edit (phone)');
    await visit(phone.page, 'organisation settings (fr, phone)', `${new URL(phone.page.url()).pathname}?lang=fr`);
    await expectText(phone.page.locator('main legend'), 'Seuils du label de symétrie', 'the French legend');
    assert.equal(await phone.page.inputValue('#label_floor'), '60');
    await expectNoHorizontalScroll(phone.page, 'organisation form 390 fr');
    await screenshot(phone.page, 'label-settings-390-fr');
    // Back to the label's published rule for whatever runs next.
    await phone.page.fill('#label_floor', '55');
    await phone.page.fill('#label_average', '70');
    await submitAndWait(phone.page, phone.page.locator('main form button[type=submit]'), 'restore 55 / 70');
  } finally {
    await phone.context.close();
  }
}));
