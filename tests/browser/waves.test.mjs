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
  launchBrowser,
  readable,
  screenshot,
  shotPath,
  signIn,
  startServer,
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
