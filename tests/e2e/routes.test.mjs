// Each platform route of docs/embedding.md, with its snippet loaded verbatim (only the
// asset URLs substituted): Zendesk Guide (renamed assets on a second origin, no .wasm,
// no CORS), the one-file build alone under a strict CSP, renamed separate files, a CDN
// with and without CORS, a CMS that strips scripts, and failures that name what failed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, newPage, DIST } from './support.mjs';
import { snippet, substitute, themeAssets, fillAssets, hostPage, recordViolations, mounted, styled } from './snippets.mjs';

const CORS = { 'access-control-allow-origin': '*' };
const NOWHERE = join(DIST, 'no-such-folder');
let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});
async function server(options) {
  const s = await serve(options);
  servers.push(s);
  return s;
}

/** The failure note of the first placeholder or element. */
async function failureNote(page) {
  const note = page.locator('[data-imanage-helper-error]').first();
  await note.waitFor();
  return note.textContent();
}

test('Zendesk Guide: loader and bundle as renamed theme assets on another origin, no CORS, no .wasm', async () => {
  const assets = themeAssets(['imanage-helper.js', 'imanage-helper.bundle.js']);
  const cdn = await server({ dir: NOWHERE, pages: assets.pages });
  const head = fillAssets(snippet('zendesk-theme'), cdn.url, assets);
  const kb = await server({ pages: { '/hc/articles/1.html': { body: hostPage({ head, body: snippet('zendesk-article') }) } } });
  const page = await newPage(browser);
  await page.goto(`${kb.url}/hc/articles/1.html`);
  await mounted(page);
  assert.equal(await page.locator('[data-imanage-helper]').evaluate((el) => el.shadowRoot.querySelector('.imh-title').tagName), 'H3');
  await page.getByLabel('Address of environment 1').fill('firm.example.com');
  assert.equal(await page.getByTestId('redirect-uri').first().textContent(), 'https://firm.example.com/externalServices/replyFrom');
  assert.equal(await styled(page), true, 'the bundle styles the widget');
  assert.deepEqual(cdn.requests.sort(), [assets.pathOf('imanage-helper.bundle.js'), assets.pathOf('imanage-helper.js')].sort());
  assert.ok(!kb.requests.some((r) => r.includes('imanage')), 'nothing is requested from the article origin');
  assert.deepEqual(page.errors, []);
});

test('Zendesk Guide: the one-file build alone, under a CSP that names only the asset origin', async () => {
  const assets = themeAssets(['imanage-helper.bundle.js']);
  const cdn = await server({ dir: NOWHERE, pages: assets.pages });
  const csp = `default-src 'none'; img-src data:; script-src ${cdn.url} 'wasm-unsafe-eval'`;
  const body = hostPage({ head: fillAssets(snippet('zendesk-one-file'), cdn.url, assets), body: snippet('zendesk-article') });
  const kb = await server({ pages: { '/hc/articles/2.html': { body, headers: { 'content-security-policy': csp } } } });
  const page = await newPage(browser);
  await recordViolations(page);
  await page.goto(`${kb.url}/hc/articles/2.html`);
  await mounted(page);
  assert.equal(await styled(page), true, 'a constructable stylesheet applies with no style-src at all');
  await page.getByLabel('Address of environment 1').fill('http://firm.example.com/');
  assert.equal(await page.getByTestId('redirect-uri').first().textContent(), 'https://firm.example.com/externalServices/replyFrom');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(cdn.requests, [assets.pathOf('imanage-helper.bundle.js')]);
  assert.deepEqual(page.errors, []);
});

test('Zendesk Guide: separate files renamed (the wasm as .txt, text/plain) from an asset host with CORS', async () => {
  const names = ['imanage-helper.js', 'imanage-connect.js', 'imanage-connect_bg.wasm.txt', 'widget.css'];
  const assets = themeAssets(names, CORS);
  const cdn = await server({ dir: NOWHERE, pages: assets.pages });
  const head = fillAssets(snippet('zendesk-files'), cdn.url, assets);
  const kb = await server({ pages: { '/hc/articles/3.html': { body: hostPage({ head, body: snippet('zendesk-article') }) } } });
  const page = await newPage(browser);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${kb.url}/hc/articles/3.html`);
  await mounted(page);
  assert.equal(await styled(page), true);
  assert.deepEqual(cdn.requests.sort(), names.map((n) => assets.pathOf(n)).sort());
  assert.deepEqual(warnings.filter((w) => /MIME|instantiateStreaming/.test(w)), [], 'a text/plain wasm compiles with no warning');
  assert.deepEqual(page.errors, []);
});

test('the same separate files from a host without CORS: the note names the file, and CORS or a missing file', async () => {
  const names = ['imanage-helper.js', 'imanage-connect.js', 'imanage-connect_bg.wasm.txt', 'widget.css'];
  const assets = themeAssets(names);
  const cdn = await server({ dir: NOWHERE, pages: assets.pages });
  const head = fillAssets(snippet('zendesk-files'), cdn.url, assets);
  const kb = await server({ pages: { '/hc/articles/4.html': { body: hostPage({ head, body: snippet('zendesk-article') }) } } });
  const page = await newPage(browser);
  await page.goto(`${kb.url}/hc/articles/4.html`);
  const note = await failureNote(page);
  assert.match(note, /^The interactive checker could not start on this page: the (JavaScript glue|WebAssembly|stylesheet) at http:\/\/127\.0\.0\.1:\d+\/theme_assets\/123456\/[0-9a-f]{40}\.(js|txt|css) could not be read: it is missing, or http:\/\/127\.0\.0\.1:\d+ does not send Access-Control-Allow-Origin for http:\/\/127\.0\.0\.1:\d+ \(CORS\)\. The steps above and below still apply\.$/);
  assert.equal(await page.getByText("Each environment's redirect URI is https://").isVisible(), true, 'the fallback stays');
  assert.equal(await page.evaluate(() => window.imanageHelper.ready.then(() => 'resolved', (e) => e.message)), note.slice('The interactive checker could not start on this page: '.length, -'. The steps above and below still apply.'.length));
});

test('a CDN on another origin with CORS, under a CSP naming the CDN; without CORS the note says so', async () => {
  const cdnSnippet = snippet('cdn');
  const cdn = await server({ headers: CORS });
  const csp = `default-src 'none'; img-src data:; script-src ${cdn.url} 'wasm-unsafe-eval'; connect-src ${cdn.url}`;
  const head = substitute(cdnSnippet, { 'https://cdn.example.com/imanage-helper/0.1.0/': `${cdn.url}/` });
  const site = await server({ pages: { '/kb.html': { body: hostPage({ head, body: snippet('article') }), headers: { 'content-security-policy': csp } } } });
  const page = await newPage(browser);
  await recordViolations(page);
  await page.goto(`${site.url}/kb.html`);
  await mounted(page);
  assert.equal(await styled(page), true);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(cdn.requests.sort(), ['/imanage-connect.js', '/imanage-connect_bg.wasm', '/imanage-helper.js', '/widget.css']);
  assert.deepEqual(page.errors, []);

  const closed = await server({});
  const head2 = substitute(cdnSnippet, { 'https://cdn.example.com/imanage-helper/0.1.0/': `${closed.url}/` });
  const site2 = await server({ pages: { '/kb.html': { body: hostPage({ head: head2, body: snippet('article') }) } } });
  const page2 = await newPage(browser);
  await page2.goto(`${site2.url}/kb.html`);
  const note = await failureNote(page2);
  assert.match(note, new RegExp(`at ${closed.url}/(imanage-connect\\.js|imanage-connect_bg\\.wasm|widget\\.css) could not be read: it is missing, or ${closed.url} does not send Access-Control-Allow-Origin for ${site2.url} \\(CORS\\)`));
});

test('a missing file: the note names its URL and HTTP status', async () => {
  const site = await server({
    pages: {
      '/bundle-404.html': { body: hostPage({ head: '<script async src="/imanage-helper.js" data-bundle="/assets/renamed.js"></script>', body: snippet('article') }) },
      '/wasm-404.html': { body: hostPage({ head: '<script async src="/imanage-helper.js" data-wasm="/gone.wasm"></script>', body: snippet('article') }) },
    },
  });
  const page = await newPage(browser);
  await page.goto(`${site.url}/bundle-404.html`);
  assert.match(await failureNote(page), new RegExp(`: the bundle at ${site.url}/assets/renamed\\.js returned HTTP 404\\.`));
  const page2 = await newPage(browser);
  await page2.goto(`${site.url}/wasm-404.html`);
  assert.match(await failureNote(page2), new RegExp(`: the WebAssembly at ${site.url}/gone\\.wasm returned HTTP 404\\.`));
});

test('a failure is never blamed on CORS where CORS is not the question, and a refusal by the page is named', async () => {
  // A bundle (a script tag, which needs no CORS) missing from a host that sends no CORS
  // headers: its status cannot be read, so the note says it did not load, not CORS.
  const bare = await server({ dir: NOWHERE });
  const site = await server({
    pages: {
      '/bundle.html': { body: hostPage({ head: `<script async src="/imanage-helper.js" data-bundle="${bare.url}/theme_assets/1/abc.js"></script>`, body: snippet('article') }) },
      '/csp.html': {
        body: hostPage({ head: '<script async src="/imanage-helper.js"></script>', body: snippet('article') }),
        headers: { 'content-security-policy': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'none'" },
      },
      '/trusted-types.html': {
        body: hostPage({ head: '<script async src="/imanage-helper.js" data-bundle=""></script>', body: snippet('article') }),
        headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types mine" },
      },
    },
  });
  // The loader alone on a renamed-asset host, without data-bundle: the files it looks for
  // next to itself are not there, and the note says where it looked and why.
  const loaderSource = await (await fetch(`${site.url}/imanage-helper.js`)).text();
  const loader = await server({ dir: NOWHERE, pages: { '/theme_assets/1/loader.js': { body: loaderSource, headers: { 'content-type': 'text/javascript' } } } });
  const defaults = await server({ pages: { '/defaults.html': { body: hostPage({ head: `<script async src="${loader.url}/theme_assets/1/loader.js"></script>`, body: snippet('article') }) } } });

  const page = await newPage(browser);
  await page.goto(`${site.url}/bundle.html`);
  const bundleNote = await failureNote(page);
  assert.match(bundleNote, new RegExp(`: the bundle at ${bare.url}/theme_assets/1/abc\\.js did not load: it is missing or not a script \\(${bare.url} sends no CORS headers, so its HTTP status cannot be read here\\)\\.`));
  assert.doesNotMatch(bundleNote, /Access-Control/);

  const page2 = await newPage(browser);
  await page2.goto(`${defaults.url}/defaults.html`);
  assert.match(await failureNote(page2), new RegExp(`at ${loader.url}/theme_assets/1/(imanage-connect\\.js|imanage-connect_bg\\.wasm|widget\\.css) could not be read: .* \\(no data- attribute gave its URL, so the loader looked next to itself\\)\\.`));

  const page3 = await newPage(browser);
  await page3.goto(`${site.url}/csp.html`);
  assert.match(await failureNote(page3), new RegExp(`at ${site.url}/(imanage-connect\\.js|imanage-connect_bg\\.wasm|widget\\.css) was refused by the page's Content-Security-Policy \\((connect|script)-src(-elem)?\\)`));

  const page4 = await newPage(browser);
  await page4.goto(`${site.url}/trusted-types.html`);
  assert.match(await failureNote(page4), /: the page's Trusted Types policy does not allow the policy 'imanage-helper' \(add it to the trusted-types directive\)\./);
});

test('a CMS that strips scripts from article bodies: the article snippet has none, the template carries the loader', async () => {
  const article = snippet('article');
  const sanitised = article.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/\son\w+="[^"]*"/gi, '');
  assert.equal(sanitised, article, 'a sanitiser leaves the article snippet as it is');
  const template = substitute(snippet('cms-template'), { '/assets/imanage-helper/': '/' });
  const site = await server({ pages: { '/wiki/page.html': { body: hostPage({ head: template, body: sanitised }) } } });
  const page = await newPage(browser);
  await page.goto(`${site.url}/wiki/page.html`);
  await mounted(page);
  assert.equal(await page.locator('[data-imanage-helper]').evaluate((el) => el.shadowRoot.querySelector('.imh-title').tagName), 'H3');
  assert.deepEqual(page.errors, []);
});

test('a page that already has its own window.imanageHelper: the loader says so instead of failing silently', async () => {
  const site = await server({
    pages: {
      '/clash.html': { body: hostPage({ head: '<script src="/clash.js"></script><script async src="/imanage-helper.js"></script>', body: snippet('article') }) },
      '/clash.js': { body: 'window.imanageHelper = { config: {} };', headers: { 'content-type': 'text/javascript' } },
      '/clobber.html': { body: hostPage({ head: '<script async src="/imanage-helper.js"></script>', body: `<h2 id="imanageHelper">An anchor</h2>${snippet('article')}` }) },
    },
  });
  const page = await newPage(browser);
  page.on('console', () => {});
  await page.goto(`${site.url}/clash.html`);
  assert.match(await failureNote(page), /window\.imanageHelper is already used by this page/);
  const page2 = await newPage(browser);
  await page2.goto(`${site.url}/clobber.html`);
  await mounted(page2);
  assert.deepEqual(page2.errors, []);
});
