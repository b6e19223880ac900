// Helpers of the browser tests: the Miroir server under test, Debian's
// Chromium driven by playwright-core, axe-core, screenshots and readable
// failures. No test lives here.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export const REPO = path.resolve(here, '../..');
export const SHOTS = path.join(REPO, 'target', 'screenshots');
export const MIROIR_BIN = path.resolve(process.env.MIROIR_BIN || path.join(REPO, 'target', 'debug', 'miroir'));
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** How long one Playwright action or expectation waits before failing. */
export const ACTION_TIMEOUT = 10_000;

// ---------------------------------------------------------------------------
// The server under test

async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `$MIROIR_BIN` on a fresh SQLite file with the demo organisation and
 * resolves once `/healthz` answers 200 and the demo accounts were printed.
 */
export async function startServer({ timeoutMs = 90_000 } = {}) {
  try {
    fs.accessSync(MIROIR_BIN, fs.constants.X_OK);
  } catch {
    throw new Error(`Miroir binary not found or not executable: ${MIROIR_BIN} (set MIROIR_BIN)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miroir-browser-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logPath = path.join(dir, 'server.log');
  const log = fs.createWriteStream(logPath);
  const env = { ...process.env, MIROIR_DEMO: 'true' };
  // The server must use the database given on the command line only.
  delete env.DATABASE_URL;
  const child = spawn(
    MIROIR_BIN,
    ['--database-url', path.join(dir, 'miroir.db'), '--port', String(port), '--bind', '127.0.0.1'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk.toString();
    log.write(chunk);
  });
  child.stderr.on('data', (chunk) => log.write(chunk));
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const server = {
    base,
    port,
    dir,
    logPath,
    child,
    accounts: null,
    logTail(lines = 40) {
      try {
        return fs.readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return stdout.split('\n').slice(-lines).join('\n');
      }
    },
    async stop() {
      process.off('exit', killOnExit);
      if (exited === null) {
        child.kill('SIGTERM');
        const done = once(child, 'exit');
        const timedOut = await Promise.race([done.then(() => false), sleep(5_000).then(() => true)]);
        if (timedOut) {
          child.kill('SIGKILL');
          await done;
        }
      }
      await new Promise((resolve) => log.end(resolve));
      // Keep the log next to the screenshots for whoever reads a failure.
      fs.mkdirSync(SHOTS, { recursive: true });
      fs.copyFileSync(logPath, path.join(SHOTS, 'server.log'));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + timeoutMs;
  let healthy = false;
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(
        `miroir exited during start-up (code ${exited.code}, signal ${exited.signal}):\n${server.logTail()}`,
      );
    }
    if (!healthy) {
      try {
        const res = await fetch(`${base}/healthz`);
        healthy = res.status === 200;
      } catch {
        // not listening yet
      }
    }
    // Read stdout after the health check: the server answers /healthz while
    // it is still creating the demo organisation.
    const director = /Sign in as a director:\s*(\S+)/.exec(stdout);
    const manager = /or as a branch manager:\s*(\S+)/.exec(stdout);
    const consultant = /or as a consultant:\s*(\S+)/.exec(stdout);
    const password = /Password of every demo account:\s*(\S+)/.exec(stdout);
    if (healthy && director && manager && consultant && password) {
      server.accounts = { director: director[1], manager: manager[1], consultant: consultant[1], password: password[1] };
      return server;
    }
    if (healthy && /Miroir is running at/.test(stdout) && !password) {
      await server.stop();
      throw new Error(
        'miroir started on an empty database with MIROIR_DEMO=true but printed no demo accounts ' +
          `("Sign in as a director: …", "or as a branch manager: …", "or as a consultant: …", "Password of every demo account: …"):\n${stdout}`,
      );
    }
    await sleep(200);
  }
  await server.stop();
  throw new Error(
    `miroir did not become ready within ${timeoutMs / 1000}s (healthz 200: ${healthy}); log:\n${server.logTail()}`,
  );
}

// ---------------------------------------------------------------------------
// The browser

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };
export const MOBILE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
};

export async function newContext(browser, base, options = DESKTOP) {
  const context = await browser.newContext({ baseURL: base, acceptDownloads: true, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * Signs the demo `role` (director, manager, consultant) in from the sign-in
 * page in a new browser context of `options`; answers `{ context, page }`
 * on the page the sign-in landed on.
 */
export async function signIn(browser, server, role, options = DESKTOP) {
  const context = await newContext(browser, server.base, options);
  const page = await context.newPage();
  await visit(page, `login (${role})`, '/login');
  await page.fill('#email', server.accounts[role]);
  await page.fill('#password', server.accounts.password);
  await submitAndWait(page, page.locator('main form button[type=submit]'), `sign in (${role})`);
  on(page, `landing (${role})`);
  return { context, page };
}

/** The page a test is on, named for failure messages and failure screenshots. */
const current = { page: null, label: '' };

/**
 * Goes to `url` and checks the HTTP status; `label` names the page in
 * failure messages ("customer survey", "dashboard"…).
 */
export async function visit(page, label, url, { status = 200 } = {}) {
  current.page = page;
  current.label = label;
  const res = await page.goto(url);
  assert.ok(res, `[${label}] no response for GET ${url}`);
  if (status !== null && res.status() !== status) {
    const body = await page.locator('main').innerText().catch(() => '');
    assert.fail(
      `[${label}] GET ${url} answered ${res.status()}, expected ${status}.\n  Page says: ${oneLine(body).slice(0, 400)}`,
    );
  }
  return res;
}

/** Marks `page` as the one the test is on now (after a click navigated). */
export function on(page, label) {
  current.page = page;
  current.label = label;
}

/**
 * Clicks `locator` (a submit button) and waits for the navigation it causes;
 * returns the main-frame response of the last navigation (after redirects).
 */
export async function submitAndWait(page, locator, what) {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    locator.click(),
  ]).catch((e) => {
    throw new Error(`[${current.label}] submitting "${what}" failed at ${page.url()}: ${e.message.split('\n')[0]}`);
  });
  return res;
}

export function oneLine(s) {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

/** Asserts a locator is visible, with a message naming the page. */
export async function expectVisible(locator, what, timeout = ACTION_TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    const page = locator.page();
    assert.fail(`[${current.label}] expected to see ${what} at ${page.url()}`);
  }
}

/** Asserts that the text of `locator` contains (or matches) `expected`. */
export async function expectText(locator, expected, what) {
  let text = '';
  try {
    await locator.first().waitFor({ state: 'attached' });
    text = oneLine(await locator.first().innerText());
  } catch {
    assert.fail(`[${current.label}] ${what}: element not found at ${locator.page().url()}`);
  }
  const ok = expected instanceof RegExp ? expected.test(text) : text.includes(expected);
  assert.ok(ok, `[${current.label}] ${what}: expected ${expected} in "${text.slice(0, 300)}" at ${locator.page().url()}`);
  return text;
}

// ---------------------------------------------------------------------------
// Screenshots

/** Removes the FAILED-*.png of an earlier run, so that only this run's remain. */
export function clearFailureShots() {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) {
    if (f.startsWith('FAILED-') && f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));
  }
}

export function shotPath(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name.endsWith('.png') || name.endsWith('.pdf') ? name : `${name}.png`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: shotPath(name), fullPage: true });
}

/**
 * Runs a test body; on failure saves a screenshot of the page the test was
 * on and says which page and URL the failure happened on.
 */
export function readable(name, body) {
  return async (t) => {
    current.page = null;
    current.label = '';
    try {
      await body(t);
    } catch (err) {
      const { page, label } = current;
      if (page && !page.isClosed()) {
        const file = shotPath(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60)}`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        err.message += `\n  while on: ${label || '?'} (${page.url()})\n  screenshot: ${path.relative(REPO, file)}`;
      }
      throw err;
    }
  };
}

// ---------------------------------------------------------------------------
// Accessibility

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page (WCAG 2.x A/AA rules and best practices) and
 * fails on any violation of impact serious or critical, listing each one.
 * The pages' CSP forbids inline scripts, so axe is evaluated through the
 * DevTools protocol rather than injected as a script tag.
 */
export async function checkAccessibility(page, label) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length) {
    console.log(
      `# axe [${label}] ${minor.length} minor/moderate finding(s), not failing: ` +
        minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', '),
    );
  }
  if (serious.length) {
    const lines = serious.map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      - ${n.target.join(' ')}: ${oneLine(n.failureSummary).slice(0, 240)}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `  * ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    });
    assert.fail(
      `[${label}] axe-core found ${serious.length} serious/critical accessibility violation(s) at ${page.url()}:\n${lines.join('\n')}`,
    );
  }
}

// ---------------------------------------------------------------------------
// Surveys

/**
 * The radio questions of a survey form in page order: code (the input name),
 * the values offered and which one is checked.
 */
export async function surveyQuestions(page) {
  return page.$$eval('form fieldset.question', (sets) =>
    sets.map((fs) => {
      const radios = [...fs.querySelectorAll('input[type=radio]')];
      return {
        code: radios[0]?.name ?? null,
        id: fs.id,
        values: radios.map((r) => r.value),
        checked: radios.find((r) => r.checked)?.value ?? null,
      };
    }),
  );
}

/** A plausible, deterministic answer: a high value, never "don't know". */
export function answerFor(question, index) {
  const values = question.values.filter((v) => v !== 'dk');
  const pick = Math.max(0, values.length - 1 - (index % 2));
  return values[pick];
}

/** Checks the given answers (code → value) by clicking their labels. */
export async function answer(page, answers) {
  for (const [code, value] of Object.entries(answers)) {
    const radio = page.locator(`input[type=radio][name="${code}"][value="${value}"]`);
    try {
      await radio.check();
    } catch (e) {
      assert.fail(`[${current.label}] could not choose ${value} for question ${code}: ${e.message.split('\n')[0]}`);
    }
  }
}

/** Fails if the page is wider than the viewport (horizontal scrolling on a phone). */
export async function expectNoHorizontalScroll(page, label) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(
    scrollWidth <= innerWidth + 1,
    `[${label}] the page scrolls sideways on a ${innerWidth}px wide phone (content is ${scrollWidth}px wide) at ${page.url()}`,
  );
}

/** Parses the simple CSV the invitations form returns (no embedded newlines). */
export function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

/** Counts the pages of a PDF by its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(buffer) {
  const text = buffer.toString('latin1');
  const matches = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return matches ? matches.length : 0;
}
