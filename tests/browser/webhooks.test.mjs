// Webhooks in the organisation's settings (issue #13, item 5): the demo
// director opens the organisation, adds an endpoint (the secret is shown
// once), sends a test event, and reads the delivery log; the page fits a
// phone and a laptop, in French and English, and passes axe. Its own server.

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

const signInAsDirector = (options) => signIn(browser, server, 'director', options);

let webhooksPath;

test('webhooks: a director adds an endpoint, sees its secret once, sends a test event and reads the log', TIMEOUT, readable('webhooks', async () => {
  const { context, page } = await signInAsDirector(LAPTOP);
  try {
    const org = await page.locator('a[href^="/orgs/"]').first().getAttribute('href');
    const orgId = org.split('/')[2];
    await visit(page, 'organisation', `/orgs/${orgId}`);
    await submitAndWait(page, page.locator(`a[href="/orgs/${orgId}/webhooks"]`), 'webhooks link');
    on(page, 'webhooks');
    webhooksPath = new URL(page.url()).pathname;
    assert.equal(webhooksPath, `/orgs/${orgId}/webhooks`);
    // A refused address keeps what was typed.
    await page.fill('#url', 'helpdesk.example.org/hooks');
    await page.check('#event-contact-requested');
    await page.locator('#url').evaluate((el) => el.setAttribute('type', 'text'));
    const refused = await submitAndWait(page, page.getByRole('button', { name: 'Add an endpoint' }), 'add (refused)');
    assert.equal(refused.status(), 422);
    await expectVisible(page.locator('#url-error'), 'the message beside the address');
    assert.equal(await page.inputValue('#url'), 'helpdesk.example.org/hooks');
    assert.ok(await page.isChecked('#event-contact-requested'));
    await page.fill('#url', 'http://127.0.0.1:9/helpdesk');
    await submitAndWait(page, page.getByRole('button', { name: 'Add an endpoint' }), 'add');
    const secret = await page.locator('code.webhook-secret').innerText();
    assert.match(secret, /^whsec_[A-Za-z0-9+/=]{40,}$/);
    await screenshot(page, 'webhooks-created-1366-en');
    await submitAndWait(page, page.getByRole('button', { name: 'Send a test event' }), 'send test');
    on(page, 'webhooks after test');
    assert.equal(await page.locator('code.webhook-secret').count(), 0, 'the secret is shown once');
    await expectVisible(page.locator('table.webhook-log tbody tr'), 'the delivery log');
    // The delivery task (every 5 s) tries the closed port: the log says so.
    for (let i = 0; i < 30; i += 1) {
      await page.waitForTimeout(500);
      await page.reload();
      if ((await page.locator('table.webhook-log').innerText()).includes('could not connect')) break;
    }
    const log = await page.locator('table.webhook-log').innerText();
    assert.match(log, /webhook\.test/);
    assert.match(log, /could not connect/);
    await checkAccessibility(page, 'webhooks (en)');
    await screenshot(page, 'webhooks-log-1366-en');
  } finally {
    await context.close();
  }
}));

for (const [name, options] of [['390', MOBILE], ['1366', LAPTOP]]) {
  for (const lang of ['fr', 'en']) {
    test(`the webhooks page fits ${name} px in ${lang}`, TIMEOUT, readable(`webhooks ${name} ${lang}`, async () => {
      assert.ok(webhooksPath, 'the first test found the page');
      const { context, page } = await signInAsDirector({ ...options, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      try {
        await visit(page, `webhooks ${name} ${lang}`, `${webhooksPath}?lang=${lang}`);
        await expectNoHorizontalScroll(page, `webhooks ${name} ${lang}`);
        if (lang === 'fr') await checkAccessibility(page, 'webhooks (fr)');
        await screenshot(page, `webhooks-${name}-${lang}`);
      } finally {
        await context.close();
      }
    }));
  }
}
