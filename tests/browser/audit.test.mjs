// The audit report as the consultant's deliverable: the demo consultant
// signs in, reaches the audit of the latest wave by clicking, writes the
// findings and recommendations, saves them and sees them in the report,
// chooses comments to quote, and prints it (A4 PDF). A refused text (too
// long) keeps what was typed. Screenshots at 390 and 1,366 px, in English
// and French. Its own server and demo.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  MOBILE,
  expectNoHorizontalScroll,
  expectText,
  expectVisible,
  launchBrowser,
  newContext,
  on,
  pdfPageCount,
  readable,
  screenshot,
  shotPath,
  startServer,
  submitAndWait,
  visit,
} from './lib.mjs';

let server;
let browser;
let consultant;
let auditPath;

const TIMEOUT = { timeout: 120_000 };
const LAPTOP = { viewport: { width: 1366, height: 900 }, locale: 'en-GB' };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await consultant?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.stop();
});

const FINDINGS = 'Customers rate **listening** far below what employees believe.\n\n- The branches of the North region carry most of the gap.\n- Call-backs are promised, rarely made.';
const RECOMMENDATIONS = 'Start with the *call-backs*: one owner per branch, a weekly count.\n\n<script>alert("not run")</script>';

test('the consultant reaches the audit by clicking, writes findings and recommendations, saves and sees them', TIMEOUT, readable('audit notes', async () => {
  consultant = await newContext(browser, server.base, LAPTOP);
  const page = await consultant.newPage();
  await visit(page, 'login (consultant)', '/login?lang=en');
  await page.fill('#email', server.accounts.consultant);
  await page.fill('#password', server.accounts.password);
  await submitAndWait(page, page.locator('main form button[type=submit]'), 'sign in (consultant)');
  on(page, 'portfolio');
  // Portfolio → the client's dashboard → its audit report: by clicking only.
  await submitAndWait(page, page.locator('main table a[href$="/dashboard"]').first(), 'client dashboard');
  on(page, 'dashboard');
  await submitAndWait(page, page.locator('main a[href$="/audit"]').first(), 'audit report');
  on(page, 'audit report');
  auditPath = new URL(page.url()).pathname;
  assert.match(auditPath, /^\/orgs\/[^/]+\/campaigns\/[^/]+\/audit$/);

  // Nothing written yet: the hint and the form.
  await expectText(page.locator('#consultant-notes'), /leaves this section out/, 'the hint of empty notes');
  await page.fill('#findings', FINDINGS);
  await page.fill('#recommendations', RECOMMENDATIONS);
  const res = await submitAndWait(page, page.locator('#consultant-notes form button[type=submit]'), 'save the notes');
  on(page, 'audit report (saved)');
  assert.equal(res?.status(), 200);
  await expectText(page.locator('main'), 'Your changes have been saved', 'the notice');
  await expectText(page.locator('#consultant-notes .notes-text strong'), 'listening', 'the bold word of the findings');
  await expectText(page.locator('#consultant-notes .notes-text li').first(), /North region/, 'the list of the findings');
  await expectText(page.locator('#consultant-notes'), '<script>alert("not run")</script>', 'typed markup shown as text');
  assert.equal(await page.locator('#consultant-notes .notes-text script').count(), 0, 'no script element from the text');
  assert.equal(await page.inputValue('#findings'), FINDINGS, 'the form holds the saved text');
  await expectText(page.locator('#consultant-notes .notes-signature'), /Written by/, 'the signature');

  // Too long: refused (422), the message beside the field, the text kept.
  const long = `${'Far too long. '.repeat(1500)}THE-END`;
  await page.fill('#findings', long);
  const refused = await submitAndWait(page, page.locator('#consultant-notes form button[type=submit]'), 'save a too long text');
  on(page, 'audit report (refused)');
  assert.equal(refused?.status(), 422, 'a refused text answers 422');
  await expectText(page.locator('#findings-error'), /longer than 20,000 characters/, 'the message of the refusal');
  assert.equal(await page.inputValue('#findings'), long, 'every typed character kept');
  assert.equal(await page.inputValue('#recommendations'), RECOMMENDATIONS, 'the other text kept');
}));

test('the consultant chooses comments to quote; they print in the report', TIMEOUT, readable('audit quotes', async (t) => {
  if (!auditPath) return t.skip('the consultant did not reach the audit');
  const page = await consultant.newPage();
  await visit(page, 'audit report', `${auditPath}?lang=en`);
  await submitAndWait(page, page.locator('#quotes a[href$="/audit/quotes"]'), 'choose comments');
  on(page, 'comment choice');
  const boxes = page.locator('input[name=quote]');
  assert.ok((await boxes.count()) >= 3, 'comments of published teams are offered');
  for (let i = 0; i < 3; i += 1) await boxes.nth(i).check();
  const texts = [];
  for (let i = 0; i < 3; i += 1) texts.push((await page.locator(`label[for="${await boxes.nth(i).getAttribute('id')}"]`).innerText()).trim());
  await screenshot(page, 'audit-quotes-1366');
  await submitAndWait(page, page.locator('main form button[type=submit]'), 'save the choice');
  on(page, 'audit report (quotes)');
  const quoted = page.locator('#quotes blockquote.quote');
  assert.equal(await quoted.count(), 3, 'three quotes in the report');
  const printed = await quoted.allInnerTexts();
  for (const text of texts) assert.ok(printed.some((q) => q.includes(text)), `the quote "${text}" is printed`);
  await page.close();
}));

test('the audit at 1,366 and 390 px, in English and French, and its A4 print', TIMEOUT, readable('audit print', async (t) => {
  if (!auditPath) return t.skip('the consultant did not reach the audit');
  const page = await consultant.newPage();
  for (const lang of ['en', 'fr']) {
    await visit(page, `audit (${lang}, 1366)`, `${auditPath}?lang=${lang}`);
    await expectVisible(page.locator('#consultant-notes .notes-text'), 'the notes');
    await expectNoHorizontalScroll(page, `audit (${lang}, 1366)`);
    await screenshot(page, `audit-consultant-1366-${lang}`);
  }
  await expectText(page.locator('#trend-heading'), /Évolution depuis la vague précédente/, 'the trend in French');

  // The print: A4, the notes after the summary, no form, no buttons.
  await visit(page, 'audit (print)', `${auditPath}?lang=en`);
  const pdfPath = shotPath('audit.pdf');
  const pdf = await page.pdf({ format: 'A4', path: pdfPath, printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = pdfPageCount(pdf);
  console.log(`# audit.pdf (with the consultant's notes and quotes): ${pages} A4 pages`);
  // Cover, summary with the notes and the trend, charts, dimensions,
  // heat-map with channels and quotes, plan with its follow-up, method:
  // chapters start a page, short sections share one.
  assert.ok(pages >= 6 && pages <= 14, `[audit print] ${pages} pages (${pdfPath})`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#consultant-notes form').isVisible(), false, 'the form does not print');
  assert.equal(await page.locator('#consultant-notes').isVisible(), true, 'the notes print');
  assert.equal(await page.locator('#quotes').isVisible(), true, 'the quotes print');
  assert.equal(await page.locator('#quotes a.button').isVisible(), false, 'the choice link does not print');
  await page.screenshot({ path: shotPath('audit-consultant-print'), fullPage: true });

  // The first wave: no notes, no quotes, no earlier wave. The empty
  // sections do not print; the report still has no page left half empty
  // by a forced break.
  const first = await consultant.request.get(`${auditPath.replace(/\/audit$/, '/dashboard')}`);
  // The demo's first wave is the one that opened first: its campaign page
  // names it "Vague 1".
  const waves = [...new Set([...(await first.text()).matchAll(/href="(\/orgs\/[^"]+\/campaigns\/[^"]+)\/dashboard"/g)].map((m) => m[1]))];
  let earlier;
  for (const w of waves.filter((w) => `${w}/audit` !== auditPath)) {
    const html = await (await consultant.request.get(`${w}/dashboard`)).text();
    if (/Vague 1/.test(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '')) earlier = w;
  }
  assert.ok(earlier, 'the dashboard links the first wave');
  await page.emulateMedia({ media: null });
  await visit(page, 'audit of the first wave', `${earlier}/audit?lang=en`);
  await expectText(page.locator('main'), /first published wave/, 'no earlier wave');
  const firstPdf = await page.pdf({ format: 'A4', path: shotPath('audit-first-wave.pdf'), printBackground: true });
  const firstPages = pdfPageCount(firstPdf);
  console.log(`# audit-first-wave.pdf (no notes, no quotes): ${firstPages} A4 pages`);
  assert.ok(firstPages >= 5 && firstPages < pages, `[audit print, first wave] ${firstPages} pages`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#consultant-notes').isVisible(), false, 'empty notes do not print');
  assert.equal(await page.locator('#quotes').isVisible(), false, 'no quotes, no section');
  await page.close();

  // A phone, 390 px wide: the consultant's sections fit it (their tables
  // scroll inside their own box). The charts' shared partial is measured
  // by the dashboard's own tests.
  const phone = await newContext(browser, server.base, { ...MOBILE, isMobile: false });
  await phone.addCookies(await consultant.cookies());
  const small = await phone.newPage();
  for (const lang of ['en', 'fr']) {
    await visit(small, `audit (${lang}, 390)`, `${auditPath}?lang=${lang}`);
    await expectVisible(small.locator('#consultant-notes textarea#findings'), 'the form on a phone');
    for (const section of ['#consultant-notes', 'section[aria-labelledby=trend-heading]', 'section[aria-labelledby=channels-heading]', '#quotes', 'section[aria-labelledby=follow-heading]', 'section[aria-labelledby=dims-heading]', 'section[aria-labelledby=heat-heading]', 'section[aria-labelledby=plan-heading]']) {
      const { right, scroll, client } = await small.locator(section).evaluate((el) => ({
        right: el.getBoundingClientRect().right,
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      assert.ok(right <= 391 && scroll <= client + 1, `[audit (${lang}, 390)] ${section} is ${scroll}px wide in ${client}px, right edge at ${right}`);
    }
    await screenshot(small, `audit-consultant-390-${lang}`);
  }
  await phone.close();
}));
