// Real-browser tests of Miroir: Debian's headless Chromium through
// playwright-core against the real binary ($MIROIR_BIN) on a fresh SQLite
// database with the demo organisation. The tests run in order and share what
// they create (a new campaign, an adopted action); a test whose prerequisite
// failed is skipped and says which one.
//
// Screenshots (full page) go to target/screenshots/, with FAILED-*.png for
// the page a failing test was on, and the server's log as server.log.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import {
  ACTION_TIMEOUT,
  DESKTOP,
  MOBILE,
  answer,
  answerFor,
  checkAccessibility,
  clearFailureShots,
  expectNoHorizontalScroll,
  expectText,
  expectVisible,
  launchBrowser,
  newContext,
  on,
  oneLine,
  parseCsv,
  pdfPageCount,
  readable,
  screenshot,
  shotPath,
  startServer,
  submitAndWait,
  surveyQuestions,
  visit,
} from './lib.mjs';

let server;
let browser;
let director; // the director's signed-in browser context
let directorPage;

/** What the tests learn and create, in order. */
const S = {
  orgId: null,
  latestClosed: null, // { id, name, url }
  managerTeam: null, // { code, name }
  campaign: null, // the new campaign: { id, url, name, customerLink }
  invitations: [], // employee links from the CSV
  teamFromDashboard: null, // href followed from the dashboard
  dashboardTeamLinks: [], // every team link of the dashboard
  action: null, // { owner, point, teamCode }
  teamPage: null, // the team results page where a point was adopted
};

function needs(t, key, producer) {
  const value = S[key];
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    t.skip(`needs ${key}, which the test "${producer}" did not provide (it failed earlier)`);
    return false;
  }
  return true;
}

const TIMEOUT = { timeout: 60_000 };
const today = new Date().toISOString().slice(0, 10);
const stamp = Date.now().toString(36);

async function signIn(context, email, password, label) {
  const page = await context.newPage();
  await visit(page, `login (${label})`, '/login');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await submitAndWait(page, page.locator('main form button[type=submit]'), 'sign in');
  on(page, `after sign-in (${label})`);
  const url = new URL(page.url());
  assert.notEqual(
    url.pathname,
    '/login',
    `[login] ${label} ${email} could not sign in: ${oneLine(await page.locator('main').innerText())}`,
  );
  await expectVisible(page.locator('header form[action="/logout"] button'), `the sign-out button for ${label}`);
  return page;
}

before(async () => {
  clearFailureShots();
  server = await startServer();
  console.log(`# miroir ${server.base} (demo director ${server.accounts.director}, manager ${server.accounts.manager})`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

// ---------------------------------------------------------------------------

test('login page: refuses a wrong password and keeps the e-mail, then signs the director in', TIMEOUT, readable('login', async () => {
  const context = await newContext(browser, server.base);
  const page = await context.newPage();
  await visit(page, 'login', '/login');
  await expectText(page.locator('h1'), 'Sign in', 'login heading');
  await screenshot(page, 'login');

  await page.fill('#email', server.accounts.director);
  await page.fill('#password', 'not-the-password');
  await submitAndWait(page, page.locator('main form button[type=submit]'), 'wrong password');
  on(page, 'login (wrong password)');
  assert.equal(new URL(page.url()).pathname, '/login', '[login] a wrong password stays on the sign-in page');
  await expectText(page.locator('main [role=alert]'), 'Wrong e-mail address or password', 'error message after a wrong password');
  assert.equal(await page.inputValue('#email'), server.accounts.director, '[login] the e-mail typed is kept after a refusal');
  await context.close();

  director = await newContext(browser, server.base);
  directorPage = await signIn(director, server.accounts.director, server.accounts.password, 'director');
}));

test('director: home lists the demo organisation; its people include the branch manager; campaigns list shows the closed waves', TIMEOUT, readable('home', async (t) => {
  if (!directorPage) return t.skip('the director could not sign in');
  const page = directorPage;
  await visit(page, 'home', '/');
  const orgLink = page.locator('main a[href^="/orgs/"]').first();
  await expectVisible(orgLink, 'a link to the demo organisation');
  S.orgId = (await orgLink.getAttribute('href')).split('/')[2];
  await screenshot(page, 'home');

  await visit(page, 'organisation', `/orgs/${S.orgId}`);
  await screenshot(page, 'organisation');
  // The branch manager's team, from the people list ("… (email) — Manager: CODE").
  const person = page.locator('main li', { hasText: `(${server.accounts.manager})` });
  await expectVisible(person, `the branch manager ${server.accounts.manager} in the people list`);
  const code = oneLine(await person.locator('code').first().innerText());
  const teamName = oneLine(
    await page.locator('main table tr', { has: page.locator('code', { hasText: new RegExp(`^${code}$`) }) }).locator('td a').first().innerText(),
  );
  S.managerTeam = { code, name: teamName };

  await visit(page, 'campaigns list', `/orgs/${S.orgId}/campaigns`);
  await screenshot(page, 'campaigns');
  const rows = await page.$$eval('main table tbody tr', (trs) =>
    trs.map((tr) => ({
      href: tr.querySelector('a')?.getAttribute('href'),
      name: tr.querySelector('a')?.textContent.trim(),
      closes: tr.children[2]?.textContent.trim(),
      closed: !!tr.querySelector('.status-closed'),
    })),
  );
  const closed = rows.filter((r) => r.closed).sort((a, b) => b.closes.localeCompare(a.closes));
  assert.ok(closed.length >= 2, `[campaigns list] expected the demo's two closed waves, found ${JSON.stringify(rows)}`);
  S.latestClosed = { id: closed[0].href.split('/').pop(), name: closed[0].name, url: closed[0].href };
}));

test('director creates a campaign through the form and opens it', TIMEOUT, readable('create campaign', async (t) => {
  if (!needs(t, 'orgId', 'home')) return;
  const page = directorPage;
  await visit(page, 'campaigns list', `/orgs/${S.orgId}/campaigns`);
  await page.getByRole('link', { name: 'New campaign' }).click();
  on(page, 'new campaign form');
  await page.waitForURL(`**/orgs/${S.orgId}/campaigns/new`);
  await screenshot(page, 'campaign-new');

  const name = `Browser wave ${stamp}`;
  await page.fill('#name', name);
  assert.equal(await page.inputValue('#opens_on'), today, '[new campaign form] "Opens on" is prefilled with today');
  assert.ok((await page.inputValue('#closes_on')) > today, '[new campaign form] "Closes on" is prefilled after today');
  for (const id of ['lang_fr', 'lang_en', 'pop_customer', 'pop_employee', 'pop_manager', 'pop_executive']) {
    await page.check(`#${id}`);
  }
  await submitAndWait(page, page.locator('main form button[type=submit]'), 'create campaign');
  on(page, 'campaign page (new, draft)');
  const url = new URL(page.url());
  const m = new RegExp(`^/orgs/${S.orgId}/campaigns/([0-9a-f-]{36})$`).exec(url.pathname);
  assert.ok(m, `[new campaign form] after saving, expected the new campaign's page, got ${page.url()}: ${oneLine(await page.locator('main').innerText()).slice(0, 300)}`);
  await expectText(page.locator('main [role=status]'), 'The campaign has been created', 'notice after creating');
  await expectText(page.locator('h1'), name, 'campaign heading');
  await expectText(page.locator('h1 .status'), 'Draft', 'status of the new campaign');

  await submitAndWait(page, page.locator('button[name=verb][value=open]'), 'open the campaign');
  on(page, 'campaign page (opened)');
  await expectText(page.locator('h1 .status'), 'Open', 'status after "Open"');
  assert.equal(await page.locator('button[name=verb][value=open]').count(), 0, '[campaign page] the "open" button is gone once open');
  await expectVisible(page.locator('a.button[href$="/close"]'), 'the "close" link (to its confirmation) of an open campaign');

  const code = S.managerTeam?.code;
  assert.ok(code, '[campaign page] the branch manager team is unknown (see the previous test)');
  const row = page.locator('table.rates tbody tr', { has: page.locator('th code', { hasText: new RegExp(`^${code}$`) }) });
  await expectVisible(row, `the response-rate row of team ${code}`);
  const customerLink = await row.locator('a[href*="/s/"]').getAttribute('href');
  assert.match(customerLink, new RegExp(`/s/[^/]+/${code}$`), `[campaign page] customer link of ${code}`);
  S.campaign = { id: m[1], url: url.pathname, name, customerLink };
  await screenshot(page, 'campaign');
}));

test('customer answers on a phone (390×844): a refused answer keeps the others, then thanks', TIMEOUT, readable('customer survey', async (t) => {
  if (!needs(t, 'campaign', 'director creates a campaign')) return;
  const context = await newContext(browser, server.base, MOBILE);
  const page = await context.newPage();
  await visit(page, 'customer survey', S.campaign.customerLink);
  // Respondents see the organisation they know, not the internal name of the wave.
  await expectText(page.locator('h1'), `Banque Horizon — ${S.managerTeam.name}`, 'survey heading (organisation — team)');
  assert.ok(!(await page.locator('h1').innerText()).includes(S.campaign.name), '[customer survey] the heading does not show the internal name of the wave');
  assert.equal(await page.locator('a[href="/login"]').count(), 0, '[customer survey] no sign-in link for a respondent');
  await expectNoHorizontalScroll(page, 'customer survey');
  await screenshot(page, 'survey-customer');

  const questions = await surveyQuestions(page);
  assert.ok(questions.length >= 10, `[customer survey] expected the customer questionnaire, found ${questions.length} questions`);
  assert.ok(questions.every((q) => q.code && q.values.length >= 2), '[customer survey] every question offers radio choices');
  const nps = questions.find((q) => q.code === 'nps');
  assert.deepEqual(nps?.values, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], '[customer survey] NPS offers 0…10');
  assert.ok(questions.some((q) => q.values.includes('dk')), '[customer survey] scale questions offer "don\'t know"');

  const answers = Object.fromEntries(questions.map((q, i) => [q.code, answerFor(q, i)]));
  const left = questions[1].code; // one question left unanswered on purpose
  const firstTry = { ...answers };
  delete firstTry[left];
  await answer(page, firstTry);
  const comment = 'Very helpful staff (browser test).';
  await page.fill('#comment', comment);

  const refused = await submitAndWait(page, page.locator('form button.submit'), 'survey with one question unanswered');
  on(page, 'customer survey (refused)');
  assert.equal(refused?.status(), 422, `[customer survey] a submission with a missing answer answers 422, got ${refused?.status()}`);
  await expectText(page.locator('#form-errors[role=alert]'), 'One answer needs your attention', 'summary of the refused answers');
  const field = page.locator(`fieldset.question:has(input[name="${left}"])`);
  assert.match((await field.getAttribute('class')) ?? '', /has-error/, `[customer survey] question ${left} is marked in error`);
  await expectText(field.locator('.field-error'), 'Please choose an answer', `message beside question ${left}`);
  const describedBy = await field.getAttribute('aria-describedby');
  assert.ok(describedBy && (await page.locator(`[id="${describedBy}"]`).count()) === 1, `[customer survey] question ${left} points to its message with aria-describedby`);
  const after = await surveyQuestions(page);
  const lost = after.filter((q) => q.code !== left && q.checked !== answers[q.code]).map((q) => `${q.code}: ${q.checked} instead of ${answers[q.code]}`);
  assert.deepEqual(lost, [], '[customer survey] every other answer is still checked after the refusal');
  assert.equal(await page.inputValue('#comment'), comment, '[customer survey] the comment is kept after the refusal');
  await expectNoHorizontalScroll(page, 'customer survey (refused)');
  await screenshot(page, 'survey-customer-refused');

  await answer(page, { [left]: answers[left] });
  const done = await submitAndWait(page, page.locator('form button.submit'), 'complete survey');
  on(page, 'customer thanks');
  assert.equal(new URL(page.url()).pathname, '/thanks', `[customer survey] after a complete answer, expected /thanks, got ${page.url()} (${done?.status()})`);
  await expectText(page.locator('h1'), 'Thank you!', 'thank-you heading');
  await screenshot(page, 'survey-customer-thanks');
  await context.close();
}));

test('language: ?lang=fr shows the customer survey in French', TIMEOUT, readable('language', async (t) => {
  if (!needs(t, 'campaign', 'director creates a campaign')) return;
  const context = await newContext(browser, server.base, MOBILE);
  const page = await context.newPage();
  await visit(page, 'customer survey (fr)', `${S.campaign.customerLink}?lang=fr`);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', '[customer survey ?lang=fr] <html lang> is fr');
  await expectText(page.locator('form button.submit'), 'Envoyer mes réponses', 'submit button in French');
  await expectText(page.locator('.survey > p').first(), 'Merci de nous accorder quelques minutes', 'introduction in French');
  await expectText(page.locator('label[for=comment]'), 'Souhaitez-vous ajouter quelque chose', 'comment label in French');
  await screenshot(page, 'survey-customer-fr');

  // The same link without the parameter follows the browser (English here).
  await visit(page, 'customer survey (en)', S.campaign.customerLink);
  await expectText(page.locator('form button.submit'), 'Send my answers', 'submit button in English without ?lang');
  await context.close();
}));

test('director downloads employee links (CSV); an employee answers once on a phone; the link then reads "already used"', TIMEOUT, readable('employee survey', async (t) => {
  if (!needs(t, 'campaign', 'director creates a campaign')) return;
  const page = directorPage;
  await visit(page, 'campaign page', S.campaign.url);
  const form = page.locator(`form[action="${S.campaign.url}/invitations"]`);
  await expectVisible(form, 'the employee invitations form');
  await form.locator('select[name=team]').selectOption(S.managerTeam.code);
  await form.locator('input[name=count]').fill('2');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: ACTION_TIMEOUT }),
    form.locator('button[type=submit]').click(),
  ]).catch((e) => {
    throw new Error(`[campaign page] the invitations form did not download a file: ${e.message.split('\n')[0]}`);
  });
  assert.equal(download.suggestedFilename(), `invitations-${S.managerTeam.code}.csv`, '[invitations] file name of the CSV');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], ['team', 'link'], `[invitations] CSV header, got: ${csv.slice(0, 200)}`);
  assert.equal(rows.length - 1, 2, `[invitations] 2 links asked, CSV has ${rows.length - 1}`);
  for (const [team, link] of rows.slice(1)) {
    assert.equal(team, S.managerTeam.code, '[invitations] team column');
    assert.match(link, new RegExp(`^${server.base}/i/[A-Za-z0-9_-]{16,}$`), '[invitations] link column');
  }
  S.invitations = rows.slice(1).map((r) => r[1]);

  const context = await newContext(browser, server.base, MOBILE);
  const phone = await context.newPage();
  await visit(phone, 'employee survey', S.invitations[0]);
  await expectText(phone.locator('h1'), S.managerTeam.name, 'employee survey heading names the team');
  await expectText(phone.locator('.survey > p').first(), 'anonymous', 'employee introduction (anonymity)');
  assert.equal(await phone.locator('#contact_ok').count(), 0, '[employee survey] no call-back request on the anonymous employee survey');
  await expectNoHorizontalScroll(phone, 'employee survey');
  await screenshot(phone, 'survey-employee');
  const questions = await surveyQuestions(phone);
  assert.ok(questions.length >= 10, `[employee survey] expected the employee questionnaire, found ${questions.length} questions`);
  await answer(phone, Object.fromEntries(questions.map((q, i) => [q.code, answerFor(q, i)])));
  await submitAndWait(phone, phone.locator('form button.submit'), 'employee survey');
  on(phone, 'employee thanks');
  assert.equal(new URL(phone.url()).pathname, '/thanks', `[employee survey] expected /thanks after answering, got ${phone.url()}`);
  await expectText(phone.locator('h1'), 'Thank you!', 'thank-you heading');

  await visit(phone, 'employee link reused', S.invitations[0], { status: 410 });
  await expectText(phone.locator('h1'), 'Already answered', 'heading of a reused invitation');
  await expectText(phone.locator('.survey p'), 'already been used', 'message of a reused invitation');
  assert.equal(await phone.locator('form button.submit').count(), 0, '[employee link reused] no survey form is shown again');
  await screenshot(phone, 'survey-employee-used');
  await context.close();
}));

test('branch manager signs in and completes the self-assessment of their team', TIMEOUT, readable('self-assessment', async (t) => {
  if (!needs(t, 'campaign', 'director creates a campaign')) return;
  const context = await newContext(browser, server.base);
  const page = await signIn(context, server.accounts.manager, server.accounts.password, 'branch manager');
  await visit(page, 'campaign page (manager)', S.campaign.url);
  const links = page.getByRole('link', { name: 'Self-assessment' });
  assert.equal(await links.count(), 1, `[campaign page (manager)] expected one "Self-assessment" link (the manager's own team), found ${await links.count()}`);
  const href = await links.getAttribute('href');
  const row = page.locator('table.rates tbody tr', { has: links });
  await expectText(row.locator('th code'), new RegExp(`^${S.managerTeam.code}$`), 'the self-assessment link is on the manager\'s team row');
  assert.match(href, new RegExp(`^${S.campaign.url}/self/[0-9a-f-]{36}$`), '[campaign page (manager)] self-assessment link');
  await links.click();
  await page.waitForURL(`**${href}`);
  on(page, 'self-assessment');
  await expectText(page.locator('h1'), S.managerTeam.name, 'self-assessment heading names the team');
  await expectText(page.locator('.survey > p').first(), 'self-assessment', 'self-assessment introduction');
  await screenshot(page, 'self-assessment');
  const questions = await surveyQuestions(page);
  assert.ok(questions.length >= 10, `[self-assessment] expected the manager questionnaire, found ${questions.length} questions`);
  const answers = Object.fromEntries(questions.map((q, i) => [q.code, answerFor(q, i)]));
  await answer(page, answers);
  await submitAndWait(page, page.locator('form button.submit'), 'self-assessment');
  on(page, 'self-assessment thanks');
  assert.equal(new URL(page.url()).pathname, '/thanks', `[self-assessment] expected /thanks after answering, got ${page.url()}`);

  // Coming back shows the answers given (a signed answer can be revised).
  await visit(page, 'self-assessment (again)', href);
  const again = await surveyQuestions(page);
  const differ = again.filter((q) => q.checked !== answers[q.code]).map((q) => `${q.code}: ${q.checked} instead of ${answers[q.code]}`);
  assert.deepEqual(differ, [], '[self-assessment] the previous answers fill the form again');
  await context.close();
}));

test('director sees the response rates of the team change on the campaign page', TIMEOUT, readable('response rates', async (t) => {
  if (!needs(t, 'campaign', 'director creates a campaign')) return;
  const page = directorPage;
  await visit(page, 'campaign page (rates)', S.campaign.url);
  const row = page.locator('table.rates:not(.regions) tbody tr', { has: page.locator('th code', { hasText: new RegExp(`^${S.managerTeam.code}$`) }) });
  await expectVisible(row, `the rate row of ${S.managerTeam.code}`);
  const cells = (await row.locator('td').allInnerTexts()).map(oneLine);
  // Customers, employees (of invited), employee rate, answers / invited, managers.
  const [customers, employees, , , managers] = cells;
  // One customer and one employee: fewer than k, so no count is shown.
  assert.equal(customers, 'fewer than 5', `[campaign page] customers answered for ${S.managerTeam.code} (row: ${cells.join(' | ')})`);
  assert.match(employees, /^fewer than 5\b/, `[campaign page] employees answered for ${S.managerTeam.code} (row: ${cells.join(' | ')})`);
  assert.match(employees, /2 invited/, `[campaign page] invitations sent for ${S.managerTeam.code} (row: ${cells.join(' | ')})`);
  assert.equal(managers, '1', `[campaign page] managers answered for ${S.managerTeam.code} (row: ${cells.join(' | ')})`);
  const others = await page.$$eval('table.rates:not(.regions) tbody tr', (trs, code) =>
    trs.filter((tr) => tr.querySelector('th code')?.textContent.trim() !== code).map((tr) => tr.querySelector('td')?.textContent.trim()),
  S.managerTeam.code);
  assert.ok(others.every((c) => c === 'fewer than 5'), `[campaign page] other teams show no count below k: ${others.join(',')}`);
  await screenshot(page, 'campaign-rates');
}));

test('campaign page: employee response rates read as rounded percentages', TIMEOUT, readable('rate format', async (t) => {
  if (!needs(t, 'latestClosed', 'home')) return;
  const page = directorPage;
  await visit(page, 'campaign page (closed wave)', S.latestClosed.url);
  const rates = (await page.locator('table.rates:not(.regions) tbody tr td:nth-of-type(3)').allInnerTexts()).map(oneLine).filter((r) => r !== '—');
  assert.ok(rates.length > 0, '[campaign page] the closed wave shows employee rates');
  const unreadable = rates.filter((r) => !/^\d{1,3}([.,]\d)? ?%$/.test(r));
  assert.deepEqual(unreadable.slice(0, 5), [], `[campaign page] ${unreadable.length} of ${rates.length} employee rates are not rounded percentages`);
}));

test('director dashboard of the latest closed wave: heat-map, scatter, link to a team', TIMEOUT, readable('dashboard', async (t) => {
  if (!needs(t, 'latestClosed', 'home')) return;
  const page = directorPage;
  const url = `/orgs/${S.orgId}/campaigns/${S.latestClosed.id}/dashboard`;
  await visit(page, 'dashboard', url);
  await expectText(page.locator('h1'), S.latestClosed.name, 'dashboard heading names the wave');
  await expectVisible(page.locator('main table', { has: page.locator('caption', { hasText: 'Teams × dimensions' }) }), 'the symmetry heat-map table');
  await screenshot(page, 'dashboard');

  const svgLinks = page.locator('svg a');
  const tableLinks = page.locator(`main table a[href*="/campaigns/${S.latestClosed.id}/teams/"]`);
  const hrefs = async (loc) => loc.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
  const scatter = (await hrefs(svgLinks)).filter((h) => h && h.includes('/teams/'));
  const heat = await hrefs(tableLinks);
  console.log(`# dashboard: ${scatter.length} scatter point link(s), ${heat.length} heat-map link(s)`);
  assert.ok(scatter.length + heat.length > 0, `[dashboard] no link to a team page (neither "svg a" scatter points nor heat-map rows) at ${url}`);
  S.dashboardTeamLinks = [...new Set([...scatter, ...heat])];

  // Follow a scatter point (a heat-map row while the scatter is not there).
  const links = scatter.length ? svgLinks : tableLinks;
  const kind = scatter.length ? 'scatter point' : 'heat-map row';
  let followed = null;
  const n = await links.count();
  for (let i = 0; i < n && !followed; i += 1) {
    const link = links.nth(i);
    const href = await link.evaluate((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'));
    if (!href || !href.includes('/teams/')) continue;
    try {
      await Promise.all([page.waitForURL(`**${href}`, { timeout: 5_000 }), link.click({ timeout: 3_000 })]);
      followed = href;
    } catch {
      // hidden behind another point: try the next one
      if (!page.url().endsWith(url)) await visit(page, 'dashboard', url);
    }
  }
  assert.ok(followed, `[dashboard] no ${kind} link could be clicked`);
  on(page, `team page (from the dashboard ${kind})`);
  console.log(`# dashboard: followed the ${kind} link ${followed}`);
  const code = decodeURIComponent(followed.split('/teams/')[1]);
  await expectText(page.locator('h1 code'), new RegExp(`^${code}$`), `team page reached from the ${kind}`);
  S.teamFromDashboard = followed;
}));

test('team results: scores table; the director adopts a recommended point', TIMEOUT, readable('team page', async (t) => {
  if (!needs(t, 'latestClosed', 'home')) return;
  const page = directorPage;
  // The team followed from the dashboard first, then its other team links.
  // Without a dashboard (failed above), the teams of the wave's rate table.
  let candidates = [S.teamFromDashboard, ...S.dashboardTeamLinks].filter(Boolean);
  if (!candidates.length) {
    t.diagnostic('the dashboard gave no team link: using the teams of the campaign page instead');
    await visit(page, 'campaign page (closed wave)', S.latestClosed.url);
    const codes = await page.locator('table.rates tbody th code').allInnerTexts();
    candidates = codes.map((c) => `/orgs/${S.orgId}/campaigns/${S.latestClosed.id}/teams/${encodeURIComponent(c.trim())}`);
  }
  candidates = [...new Set(candidates)];
  let chosen = null;
  for (const href of candidates.slice(0, 15)) {
    await visit(page, 'team page', href);
    if ((await page.locator('ol.recommendations form').count()) > 0) {
      chosen = href;
      break;
    }
  }
  assert.ok(chosen, `[team page] none of ${Math.min(candidates.length, 15)} team pages offers a recommended point to adopt`);
  const teamCode = oneLine(await page.locator('h1 code').innerText());
  await expectVisible(page.locator('table.scores'), 'the scores table');
  await screenshot(page, 'team');
  S.teamPage = chosen;

  const item = page.locator('ol.recommendations > li', { has: page.locator('form') }).first();
  const point = await item.locator('input[name=point]').inputValue();
  const title = oneLine(await item.locator('h3 .point-title').innerText());
  const owner = `Owner ${stamp}`;
  await item.locator('input[name=owner]').fill(owner);
  await item.locator('input[name=due_on]').fill(`${new Date().getFullYear() + 1}-03-31`);
  await item.locator('input[name=note]').fill('Adopted by the browser test');
  await submitAndWait(page, item.getByRole('button', { name: 'Adopt this point' }), 'adopt a point');
  on(page, 'team page (after adopting)');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('notice'), 'notice-action-adopted', `[team page] after adopting, expected the adopted notice, got ${page.url()}`);
  await expectText(page.locator('main [role=status]'), 'The point has been adopted', 'notice after adopting');
  const row = page.locator('#actions table tbody tr', { hasText: owner });
  await expectVisible(row, `the adopted point (owner "${owner}") in the team's action list`);
  await expectText(row.locator('th'), title, 'the adopted point\'s title');
  S.action = { owner, point, title, teamCode };
}));

test('action plan: the director moves the adopted point to "in progress"; the history shows it', TIMEOUT, readable('actions', async (t) => {
  if (!needs(t, 'action', 'team results: adopt')) return;
  const page = directorPage;
  await visit(page, 'action plan', `/orgs/${S.orgId}/actions`);
  const row = page.locator('table.actions-table tbody tr', { hasText: S.action.owner });
  await expectVisible(row, `the adopted point of "${S.action.owner}"`);
  const select = row.locator('select[name=status]');
  assert.equal(await select.inputValue(), 'planned', '[action plan] a newly adopted point is "planned"');
  await select.selectOption('in_progress');
  await row.locator('input[name=note]').fill(`Started ${stamp}`);
  await submitAndWait(page, row.getByRole('button', { name: 'Save' }), 'save the status');
  on(page, 'action plan (saved)');
  assert.equal(new URL(page.url()).pathname, `/orgs/${S.orgId}/actions`, '[action plan] saving returns to the action plan');
  const saved = page.locator('table.actions-table tbody tr', { hasText: S.action.owner });
  assert.equal(await saved.locator('select[name=status]').inputValue(), 'in_progress', '[action plan] the status select shows "in progress" after saving');
  await saved.locator('details summary').click();
  const history = (await saved.locator('details li').allInnerTexts()).map(oneLine);
  assert.ok(history.length >= 2, `[action plan] history has the adoption and the change, got: ${history.join(' / ')}`);
  assert.match(history.at(-1), /In progress/, `[action plan] last history entry is "In progress": ${history.join(' / ')}`);
  assert.match(history.at(-1), new RegExp(`Started ${stamp}`), '[action plan] the note is in the history');
  assert.match(history.at(-1), /Claire Texier/, '[action plan] the history names who changed the status');
  await screenshot(page, 'actions');
}));

test('audit report of the latest closed wave: A4 PDF of several pages, no navigation in print', TIMEOUT, readable('audit', async (t) => {
  if (!needs(t, 'latestClosed', 'home')) return;
  if (!director) return t.skip('the director could not sign in');
  // A page of its own: print emulation must not leak into other tests.
  const page = await director.newPage();
  const url = `/orgs/${S.orgId}/campaigns/${S.latestClosed.id}/audit`;
  await visit(page, 'audit report', url);
  await expectText(page.locator('.cover'), /Symmetry of attention audit|Audit de la symétrie des attentions/, 'audit report cover');
  await expectText(page.locator('h1'), /Banque Horizon/, 'the client organisation on the cover');
  await screenshot(page, 'audit');

  // audit.pdf is the consultant's deliverable (audit.test.mjs); this one
  // is the report as a director prints it before any notes are written.
  const pdfPath = shotPath('audit-director.pdf');
  const pdf = await page.pdf({ format: 'A4', path: pdfPath, printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', '[audit report] page.pdf() gave a PDF');
  assert.match(pdf.toString('latin1'), /\/MediaBox\s*\[\s*0 0 59[56](\.\d+)? 84[123]/, '[audit report] the PDF pages are A4');
  const pages = pdfPageCount(pdf);
  // Cover, summary, findings, dimensions, heat-map, plan, method: short
  // sections share a page (audit.test.mjs looks at the pages' fill).
  assert.ok(pages >= 6, `[audit report] the A4 PDF should have several pages, it has ${pages} (${pdfPath})`);
  console.log(`# audit-director.pdf: ${pages} A4 pages`);

  await page.emulateMedia({ media: 'print' });
  // The site's navigation (header menu, language buttons); a table of
  // contents inside the report may stay.
  const navs = page.locator('nav:not(main nav), .lang-switch');
  assert.ok((await navs.count()) > 0, '[audit report] the page has the site navigation to hide');
  const visible = [];
  for (let i = 0; i < (await navs.count()); i += 1) {
    if (await navs.nth(i).isVisible()) visible.push(await navs.nth(i).evaluate((n) => n.outerHTML.slice(0, 120)));
  }
  assert.deepEqual(visible, [], '[audit report] in print (emulateMedia print), the navigation is hidden');
  await page.screenshot({ path: shotPath('audit-print'), fullPage: true });
  await page.close();
}));

// ---------------------------------------------------------------------------
// Accessibility: axe-core on the main pages; any serious or critical
// violation fails, listed with its elements. Separate from the tests above so
// that an accessibility finding does not hide how the page behaves.

test('accessibility (axe): login page', TIMEOUT, readable('axe login', async () => {
  const context = await newContext(browser, server.base);
  const page = await context.newPage();
  await visit(page, 'login', '/login');
  await checkAccessibility(page, 'login');
  await context.close();
}));

test('accessibility (axe): customer survey on a phone, blank and with refused answers', TIMEOUT, readable('axe customer survey', async (t) => {
  if (!needs(t, 'campaign', 'director creates a campaign')) return;
  const context = await newContext(browser, server.base, MOBILE);
  const page = await context.newPage();
  await visit(page, 'customer survey', S.campaign.customerLink);
  await checkAccessibility(page, 'customer survey');
  await submitAndWait(page, page.locator('form button.submit'), 'blank survey');
  on(page, 'customer survey (every answer refused)');
  await expectVisible(page.locator('#form-errors'), 'the error summary of a blank submission');
  await checkAccessibility(page, 'customer survey (every answer refused)');
  await context.close();
}));

test('accessibility (axe): employee survey on a phone', TIMEOUT, readable('axe employee survey', async (t) => {
  if (!needs(t, 'invitations', 'director downloads employee links')) return;
  const context = await newContext(browser, server.base, MOBILE);
  const page = await context.newPage();
  // The second link of the CSV, still unused (opening it does not use it).
  await visit(page, 'employee survey', S.invitations.at(-1));
  await checkAccessibility(page, 'employee survey');
  await context.close();
}));

test('accessibility (axe): campaign page', TIMEOUT, readable('axe campaign page', async (t) => {
  if (!needs(t, 'campaign', 'director creates a campaign')) return;
  await visit(directorPage, 'campaign page', S.campaign.url);
  await checkAccessibility(directorPage, 'campaign page');
}));

test('accessibility (axe): dashboard', TIMEOUT, readable('axe dashboard', async (t) => {
  if (!needs(t, 'latestClosed', 'home')) return;
  await visit(directorPage, 'dashboard', `/orgs/${S.orgId}/campaigns/${S.latestClosed.id}/dashboard`);
  await checkAccessibility(directorPage, 'dashboard');
}));

test('accessibility (axe): team results page', TIMEOUT, readable('axe team page', async (t) => {
  const href = S.teamPage ?? S.teamFromDashboard;
  if (!href) return t.skip('needs a team page, which neither the dashboard nor the team test provided');
  await visit(directorPage, 'team page', href);
  await checkAccessibility(directorPage, 'team page');
}));
