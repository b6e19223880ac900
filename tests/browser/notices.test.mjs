// E-mailed notices seen in the browser (issue 13, item 4): the account
// page's "E-mails I receive" section saves a choice; the action plan flags
// an overdue action with a badge and counts them at the top; the
// unsubscribe page of a forged link is a 404. Screenshots in both
// languages at 390 px and 1,366 px. Its own server and demo.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DESKTOP,
  MOBILE,
  checkAccessibility,
  expectNoHorizontalScroll,
  expectVisible,
  launchBrowser,
  newContext,
  on,
  readable,
  screenshot,
  startServer,
  submitAndWait,
  visit,
  signIn,
} from './lib.mjs';

let server;
let browser;
const TIMEOUT = { timeout: 120_000 };
const LAPTOP = { ...DESKTOP, viewport: { width: 1366, height: 768 } };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

async function signInAsDirector(options) {
  const { context, page } = await signIn(browser, server, 'director', options);
  const org = /\/orgs\/([^/]+)/.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(org, `the director lands in their organisation: ${page.url()}`);
  return { context, page, org };
}

test(
  'notices: the account page saves which e-mails one receives',
  TIMEOUT,
  readable('notices-account', async () => {
    const { context, page } = await signInAsDirector(LAPTOP);
    await visit(page, 'account', '/account?lang=en');
    const section = page.locator('form[action="/account/notifications"]');
    await expectVisible(section, 'the notices section');
    const digest = section.locator('input[name=digest]');
    assert.equal(await digest.isChecked(), true, 'every kind is on at first');
    await digest.uncheck();
    await submitAndWait(page, section.locator('button[type=submit]'), 'save notices');
    on(page, 'account after saving');
    assert.match(page.url(), /notice=notice-notifications-saved/);
    assert.equal(await page.locator('form[action="/account/notifications"] input[name=digest]').isChecked(), false);
    await screenshot(page, 'notices-account-en-1366');
    await visit(page, 'account (fr)', '/account?lang=fr');
    await screenshot(page, 'notices-account-fr-1366');
    await checkAccessibility(page, 'account');
    await context.close();

    const mobile = await signInAsDirector(MOBILE);
    for (const lang of ['en', 'fr']) {
      await visit(mobile.page, `account (${lang}, phone)`, `/account?lang=${lang}`);
      await expectNoHorizontalScroll(mobile.page, `account (${lang}, phone)`);
      await mobile.page.locator('#notifications').scrollIntoViewIfNeeded();
      await screenshot(mobile.page, `notices-account-${lang}-390`);
    }
    await mobile.context.close();
  }),
);

test(
  'notices: an overdue action carries a badge and a count on the action plan',
  TIMEOUT,
  readable('notices-overdue', async () => {
    const { context, page, org } = await signInAsDirector(LAPTOP);
    await visit(page, 'action plan', `/orgs/${org}/actions?lang=en`);
    const form = page.locator(`form[action$="/actions"]`).filter({ has: page.locator('#owner') });
    await expectVisible(form, 'the form to adopt a point for the organisation');
    await page.fill('#owner', 'Overdue Owner');
    await page.fill('#due_on', '2020-01-15');
    await submitAndWait(page, form.locator('button[type=submit]'), 'adopt an overdue action');
    await visit(page, 'action plan', `/orgs/${org}/actions?lang=en`);
    const row = page.locator('tr', { hasText: 'Overdue Owner' });
    await expectVisible(row.locator('.badge.overdue'), 'the overdue badge on the row');
    const count = page.locator('.overdue-count');
    await expectVisible(count, 'the count of overdue actions');
    assert.match(await count.innerText(), /Overdue actions: \d+/);
    await screenshot(page, 'notices-actions-en-1366');
    await visit(page, 'action plan (fr)', `/orgs/${org}/actions?lang=fr`);
    assert.match(await page.locator('.overdue-count').innerText(), /Actions en retard\u00a0: \d+/);
    await screenshot(page, 'notices-actions-fr-1366');
    await checkAccessibility(page, 'action plan');
    await context.close();

    const mobile = await signInAsDirector(MOBILE);
    for (const lang of ['en', 'fr']) {
      await visit(mobile.page, `action plan (${lang}, phone)`, `/orgs/${org}/actions?lang=${lang}`);
      await expectNoHorizontalScroll(mobile.page, `action plan (${lang}, phone)`);
      await screenshot(mobile.page, `notices-actions-${lang}-390`);
    }
    await mobile.context.close();
  }),
);

test(
  'notices: a forged unsubscribe link is refused',
  TIMEOUT,
  readable('notices-unsubscribe', async () => {
    const context = await newContext(browser, server.base, LAPTOP);
    const page = await context.newPage();
    await visit(page, 'forged unsubscribe link', '/unsubscribe/someone.digest.forged', { status: 404 });
    await context.close();
  }),
);
