// Shared by the end-to-end tests: a static server for the release build (dist/) on a
// loopback port, and headless Chromium from Debian driven by playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(here, '..', '..');
export const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/**
 * Serves `dir` on 127.0.0.1 at a free port. `pages` maps extra paths to
 * { body, headers } (host pages made by a test). Every request is logged.
 */
export async function serve({ dir = DIST, pages = {}, headers = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers, ...page.headers });
      res.end(page.body);
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that fails the test on any console error or uncaught exception. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(message.text());
  });
  return page;
}

/**
 * Waits until the widget has replaced its fallback and rendered every step (the steps
 * after the first follow the first paint; the widget is aria-busy until then).
 */
export async function widgetReady(page, scope = page) {
  await scope.getByRole('heading', { name: 'Check your iManage Cloud details' }).first().waitFor();
  await scope.locator('[data-testid=widget][aria-busy]').first().waitFor({ state: 'detached' });
}

/** Opens a phase of the whole flow from its task list: prepare, configure or troubleshoot. */
export async function openPhase(scope, name) {
  await scope.getByTestId(`task-${name}`).first().click();
  await scope.getByTestId(`phase-${name}`).first().waitFor();
}

/** Whether `locator`'s element has focus, looking into shadow roots. */
export function isFocused(locator) {
  return locator.evaluate((el) => el.getRootNode().activeElement === el);
}

/** The accessible label of the focused element, looking into shadow roots. */
export function focusedLabel(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
  });
}

/**
 * A server for the release build (with `options` as for `serve`) and a browser, started
 * before a file's tests and closed after them: `env.server`, `env.browser`.
 */
export function useBrowser(options) {
  const env = {};
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
