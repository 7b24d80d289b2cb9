// The loader starts the widget only when it is needed: a page with no placeholder fetches
// nothing but the loader, a placeholder far below the fold costs the page's load nothing
// (no request, no long task) until it is scrolled near, data-eager starts at once,
// placeholders added later mount on their own and removed ones are unmounted, and
// reading `ready` loads the widget for the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady } from './support.mjs';
import { snippet, substitute, hostPage } from './snippets.mjs';

const HEAVY = ['/imanage-connect.js', '/imanage-connect_bg.wasm', '/widget.css', '/imanage-helper.bundle.js'];
const loader = substitute(snippet('cms-template'), { '/assets/imanage-helper/': '/' });
const spacer = '<div style="height: 3000px">The article before the checker.</div>';

const env = useBrowser({
  pages: {
    '/plain.html': { body: hostPage({ head: loader, body: '<p>An article with no checker.</p>' }) },
    '/below.html': { body: hostPage({ head: loader, body: spacer + snippet('article') }) },
    '/below-bundle.html': { body: hostPage({ head: '<script async src="/imanage-helper.js" data-bundle></script>', body: spacer + snippet('article') }) },
    '/eager.html': { body: hostPage({ head: '<script async src="/imanage-helper.js" data-eager></script>', body: spacer + snippet('article') }) },
    '/module.html': { body: hostPage({ head: '<script type="module" src="/imanage-helper.js"></script>', body: `<div id="slot"></div>${spacer}` }) },
  },
});

/** Requests for the page at `path` from its load on: the page's own request first. */
function since(path) {
  const start = env.server.requests.lastIndexOf(path);
  return env.server.requests.slice(start);
}

/** Long tasks of the page from its start, as durations in ms. */
async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function loaded(page) {
  await page.waitForFunction(() => document.readyState === 'complete');
  // Two frames after load: anything the loader scheduled at load has had its turn.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

test('a page with no placeholder fetches only the loader; reading ready loads the widget for the API', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/plain.html`);
  await loaded(page);
  assert.deepEqual(since('/plain.html'), ['/plain.html', '/imanage-helper.js']);
  assert.deepEqual(await page.evaluate(() => Object.keys(window.imanageHelper)), ['ready']);

  const report = await page.evaluate(async () => {
    const api = await window.imanageHelper.ready;
    return api.analyze({ environments: [{ url: 'firm.example.com' }] }).environments.entries[0].redirectUri;
  });
  assert.equal(report, 'https://firm.example.com/externalServices/replyFrom');
  assert.ok(since('/plain.html').includes('/imanage-connect_bg.wasm'));
  assert.deepEqual(page.errors, []);
});

for (const [name, path] of [['separate files', '/below.html'], ['the bundle', '/below-bundle.html']]) {
  test(`a placeholder 3,000 px below the fold (${name}): nothing heavy and no long task until it is scrolled near`, async () => {
    const page = await newPage(env.browser, { viewport: { width: 1280, height: 800 } });
    await watchLongTasks(page);
    await page.goto(`${env.server.url}${path}`);
    await loaded(page);
    assert.deepEqual(since(path), [path, '/imanage-helper.js'], 'only the loader during load');
    assert.deepEqual(await page.evaluate(() => window.__longTasks), [], 'no long task during load');
    assert.equal(await page.locator('[data-imanage-helper-mounted]').count(), 0);

    // Scrolled to within a screen of it, the widget loads and mounts.
    await page.evaluate(() => window.scrollTo(0, 1700));
    await widgetReady(page);
    const fetched = since(path).filter((r) => HEAVY.includes(r));
    assert.deepEqual(fetched.sort(), path === '/below.html'
      ? ['/imanage-connect.js', '/imanage-connect_bg.wasm', '/widget.css']
      : ['/imanage-helper.bundle.js']);
    assert.deepEqual(page.errors, []);
  });
}

test('data-eager on the loader starts the widget at once, far below the fold', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/eager.html`);
  await page.locator('[data-imanage-helper-mounted]').waitFor({ state: 'attached' });
  assert.ok(since('/eager.html').includes('/imanage-connect_bg.wasm'));
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'without scrolling');
  assert.deepEqual(page.errors, []);
});

test('as a module script: placeholders added later mount on their own, and removed ones are unmounted', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/module.html`);
  await loaded(page);
  assert.deepEqual(since('/module.html'), ['/module.html', '/imanage-helper.js']);
  await page.evaluate((html) => { document.getElementById('slot').innerHTML = html; }, snippet('article'));
  await widgetReady(page);
  const counted = await page.evaluate(() => ({
    marks: performance.getEntriesByName('imanage-helper:mounted').length,
    mountAll: window.imanageHelper.mountAll(),
  }));
  assert.deepEqual(counted, { marks: 1, mountAll: 0 });

  // Taken out of the page without unmount(): its widget is unmounted.
  const emptied = await page.evaluate(async () => {
    const placeholder = document.querySelector('[data-imanage-helper]');
    placeholder.remove();
    await new Promise((ok) => setTimeout(ok));
    return { mounted: placeholder.hasAttribute('data-imanage-helper-mounted'), children: [...placeholder.shadowRoot.children].map((c) => c.localName) };
  });
  assert.deepEqual(emptied, { mounted: false, children: ['slot'] });
  assert.deepEqual(page.errors, []);
});
