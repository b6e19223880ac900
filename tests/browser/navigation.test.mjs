// Navigation that follows the work: each demo person signs in, lands where
// their work is, and reaches every result page BY CLICKING ONLY (no
// `page.goto` after the sign-in); then every link shown to them on the
// pages they reached answers 200 (no link leads to a refusal or a redirect
// to the sign-in page). Its own server and demo, so that it does not
// depend on what miroir.test.mjs creates.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  expectVisible,
  launchBrowser,
  newContext,
  on,
  oneLine,
  readable,
  screenshot,
  startServer,
  submitAndWait,
  visit,
} from './lib.mjs';

let server;
let browser;

const TIMEOUT = { timeout: 90_000 };

/** The pages each role reached by clicking, and the links shown there. */
const reached = { director: [], manager: [], consultant: [] };
const shown = { director: new Map(), manager: new Map(), consultant: new Map() };
/** Each role's signed-in browser context, kept for the link check. */
const contexts = {};

const DASHBOARD = /^\/orgs\/[^/]+\/campaigns\/[^/]+\/dashboard$/;
const TEAM = /^\/orgs\/[^/]+\/campaigns\/[^/]+\/teams\/[^/]+$/;
const CAMPAIGN = /^\/orgs\/[^/]+\/campaigns\/[^/]+$/;
const AUDIT = /^\/orgs\/[^/]+\/campaigns\/[^/]+\/audit$/;
const ACTIONS = /^\/orgs\/[^/]+\/actions$/;
const ORG = /^\/orgs\/[^/]+$/;

before(async () => {
  server = await startServer();
  console.log(
    `# miroir ${server.base} (director ${server.accounts.director}, manager ${server.accounts.manager}, consultant ${server.accounts.consultant})`,
  );
  browser = await launchBrowser();
});

after(async () => {
  for (const context of Object.values(contexts)) await context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.stop();
});

/** Signs in from the sign-in page (the one `goto` of a journey). */
async function signIn(role) {
  const context = await newContext(browser, server.base);
  const page = await context.newPage();
  await visit(page, `login (${role})`, '/login');
  await page.fill('#email', server.accounts[role]);
  await page.fill('#password', server.accounts.password);
  const res = await submitAndWait(page, page.locator('main form button[type=submit]'), `sign in (${role})`);
  on(page, `landing (${role})`);
  assert.equal(res?.status(), 200, `[landing (${role})] the landing page ${page.url()} answered ${res?.status()}`);
  return { context, page };
}

function path(page) {
  return new URL(page.url()).pathname;
}

/** Records the page `role` is on and the links of this site it shows. */
async function record(page, role) {
  reached[role].push(page.url());
  const found = await page.locator('a[href]').evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href'), document.baseURI).href));
  for (const href of found) {
    const u = new URL(href);
    if (u.origin !== server.base || u.hash) continue;
    const key = u.pathname + u.search;
    if (!shown[role].has(key)) shown[role].set(key, page.url());
  }
}

/** Clicks a link and checks where it led; records the page for `role`. */
async function follow(page, role, locator, what, expected) {
  await expectVisible(locator, `a link to ${what}`);
  const res = await submitAndWait(page, locator.first(), what);
  on(page, `${what} (${role})`);
  assert.equal(res?.status(), 200, `[${what} (${role})] ${page.url()} answered ${res?.status()}`);
  assert.match(path(page), expected, `[${what} (${role})] the link led to ${page.url()}`);
  await record(page, role);
  return page.url();
}

/** The breadcrumbs of a result page: Organisation › Campaign › this page. */
async function breadcrumbs(page, what, depth) {
  const items = page.locator('nav.breadcrumbs li');
  await expectVisible(items, `the breadcrumbs of ${what}`);
  assert.equal(await items.count(), depth, `[${what}] breadcrumbs: ${oneLine(await page.locator('nav.breadcrumbs').innerText())}`);
  assert.equal(await items.last().getAttribute('aria-current'), 'page', `[${what}] the last crumb is the page itself`);
}

test('director lands on the latest results and reaches every result page by clicking', TIMEOUT, readable('nav director', async () => {
  const { context, page } = await signIn('director');
  contexts.director = context;
  assert.match(path(page), DASHBOARD, `[landing (director)] expected the latest wave's dashboard, got ${page.url()}`);
  await record(page, 'director');
  await breadcrumbs(page, 'dashboard', 3);
  await screenshot(page, 'nav-director-dashboard');

  const crumbs = page.locator('nav.breadcrumbs a');
  await follow(page, 'director', crumbs.nth(1), 'campaign (breadcrumb)', CAMPAIGN);
  const results = page.locator('main section[aria-labelledby=results-heading]');
  await follow(page, 'director', results.locator('a[href$="/audit"]'), 'audit', AUDIT);
  await breadcrumbs(page, 'audit', 3);
  await follow(page, 'director', page.locator('nav.breadcrumbs a').nth(1), 'campaign (from the audit)', CAMPAIGN);
  await follow(page, 'director', page.locator('main table.rates th a[href*="/teams/"]'), 'team results', TEAM);
  await breadcrumbs(page, 'team results', 3);
  await follow(page, 'director', page.locator('nav.breadcrumbs a').first(), 'organisation (breadcrumb)', ORG);
  await follow(page, 'director', page.locator('main p.actions a[href$="/actions"]'), 'action plan', ACTIONS);
  await breadcrumbs(page, 'action plan', 2);
  await follow(page, 'director', page.locator('nav.breadcrumbs a').first(), 'organisation (from the plan)', ORG);
  await follow(page, 'director', page.locator('main p.actions a[href$="/dashboard"]'), 'latest results', DASHBOARD);
}));

test('branch manager lands on their team\'s results and is shown no link to the organisation\'s results', TIMEOUT, readable('nav manager', async () => {
  const { context, page } = await signIn('manager');
  contexts.manager = context;
  assert.match(path(page), TEAM, `[landing (manager)] expected their team's results, got ${page.url()}`);
  await record(page, 'manager');
  await breadcrumbs(page, 'team results (manager)', 3);
  await screenshot(page, 'nav-manager-team');

  await follow(page, 'manager', page.locator('nav.breadcrumbs a').nth(1), 'campaign (breadcrumb)', CAMPAIGN);
  assert.equal(
    await page.locator('main a[href$="/dashboard"], main a[href$="/audit"], main a[href*="/export/"]').count(),
    0,
    '[campaign (manager)] a manager is shown no link to the organisation\'s results',
  );
  await follow(page, 'manager', page.locator('main table.rates th a[href*="/teams/"]'), 'team results (from the campaign)', TEAM);
  await follow(page, 'manager', page.locator('nav.breadcrumbs a').first(), 'organisation (breadcrumb)', ORG);
  await follow(page, 'manager', page.locator('main p.actions a[href$="/actions"]'), 'action plan', ACTIONS);
  await breadcrumbs(page, 'action plan (manager)', 2);
  await follow(page, 'manager', page.locator('nav.breadcrumbs a').first(), 'organisation (from the plan)', ORG);
  await follow(page, 'manager', page.locator('main p.actions a[href*="/teams/"]'), 'their team (from the organisation)', TEAM);
}));

test('consultant lands on the portfolio and reaches the client\'s results by clicking', TIMEOUT, readable('nav consultant', async () => {
  const { context, page } = await signIn('consultant');
  contexts.consultant = context;
  assert.equal(path(page), '/portfolio', `[landing (consultant)] expected the portfolio, got ${page.url()}`);
  await record(page, 'consultant');
  await screenshot(page, 'nav-consultant-portfolio');

  await follow(page, 'consultant', page.locator('main table a[href$="/dashboard"]'), 'client dashboard', DASHBOARD);
  await breadcrumbs(page, 'dashboard (consultant)', 3);
  await follow(page, 'consultant', page.locator('nav.breadcrumbs a').nth(1), 'campaign (breadcrumb)', CAMPAIGN);
  await follow(page, 'consultant', page.locator('main section[aria-labelledby=results-heading] a[href$="/audit"]'), 'audit', AUDIT);
  await follow(page, 'consultant', page.locator('nav.breadcrumbs a').nth(1), 'campaign (from the audit)', CAMPAIGN);
  await follow(page, 'consultant', page.locator('main table.rates th a[href*="/teams/"]'), 'team results', TEAM);
  await follow(page, 'consultant', page.locator('nav.breadcrumbs a').first(), 'organisation (breadcrumb)', ORG);
  await follow(page, 'consultant', page.locator('main p.actions a[href$="/actions"]'), 'action plan', ACTIONS);
}));

for (const role of ['director', 'manager', 'consultant']) {
  test(`every link shown to the ${role} on the pages reached answers 200`, TIMEOUT, readable(`links ${role}`, async (t) => {
    if (reached[role].length === 0 || !contexts[role]) return t.skip(`the ${role} reached no page (the test above failed)`);
    const refused = [];
    for (const [href, where] of shown[role]) {
      const res = await contexts[role].request.get(href, { maxRedirects: 0 });
      if (res.status() !== 200) refused.push(`${href} → ${res.status()} (shown on ${where})`);
    }
    assert.deepEqual(refused, [], `[links (${role})] of ${shown[role].size} links shown, these do not answer 200`);
    t.diagnostic(`${shown[role].size} links checked over ${reached[role].length} pages`);
  }));
}
