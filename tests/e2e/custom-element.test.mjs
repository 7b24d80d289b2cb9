// The <imanage-helper> element of docs/embedding.md (its snippet verbatim), as a
// single-page app uses it: mounted when added, cleaned up when removed. 50 add/remove
// cycles are measured with the DevTools protocol after a garbage collection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage } from './support.mjs';
import { snippet, hostPage, mounted } from './snippets.mjs';

const CYCLES = 50;
const env = useBrowser({
  pages: {
    '/app.html': { body: hostPage({ title: 'Portal', head: '<script async src="/imanage-helper.js"></script>', body: '<div id="app"></div>' }) },
  },
});

/** DOM nodes and JS event listeners alive after a garbage collection, and the page's own. */
async function counters(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const listenersOn = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.length;
  };
  return { nodes, jsEventListeners, window: await listenersOn('window'), document: await listenersOn('document') };
}

/** Adds the element `times` times, each time waiting for its widget, then removes it. */
function cycle(page, times) {
  return page.evaluate(async ({ html, times }) => {
    const app = document.getElementById('app');
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    for (let i = 0; i < times; i += 1) {
      app.innerHTML = html;
      const element = app.querySelector('imanage-helper');
      while (!element.shadowRoot?.querySelector('[data-testid=widget]:not([aria-busy])')) await frame();
      app.replaceChildren();
      await Promise.resolve();
      await Promise.resolve();
      if (element.hasAttribute('data-imanage-helper-mounted') || element.shadowRoot.querySelector('.imh')) {
        throw new Error(`cycle ${i}: the removed element kept its widget`);
      }
    }
  }, { html: snippet('spa'), times });
}

test(`<imanage-helper> mounts when added and cleans up when removed, ${CYCLES} times over`, async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/app.html`);
  await page.evaluate((html) => { document.getElementById('app').innerHTML = html; }, snippet('spa'));
  await mounted(page);
  const element = page.locator('imanage-helper');
  assert.equal(await element.locator('.imh-title').evaluate((el) => el.tagName), 'H3');
  assert.deepEqual(await element.getByTestId('redirect-uri').allTextContents(), ['https://firm.example.com/externalServices/replyFrom']);
  await page.evaluate(() => document.getElementById('app').replaceChildren());

  const cdp = await page.context().newCDPSession(page);
  await cycle(page, 2); // warm-up: the browser's own one-off allocations
  const before = await counters(cdp);
  await cycle(page, CYCLES);
  const after = await counters(cdp);
  const growth = Object.fromEntries(Object.keys(before).map((k) => [k, after[k] - before[k]]));
  console.log(`after ${CYCLES} cycles:`, { before, after, growth });

  assert.equal(growth.window, 0, 'no listener left on window');
  assert.equal(growth.document, 0, 'no listener left on document');
  // Hosts are pooled (yew never removes the listeners it puts on a root), so the
  // widget's nodes, its root and its listeners all go.
  assert.equal(growth.nodes, 0, `DOM nodes grew by ${growth.nodes}`);
  assert.equal(growth.jsEventListeners, 0, `event listeners grew by ${growth.jsEventListeners}`);
  assert.deepEqual(page.errors, []);
});

test('an element moved within the page keeps its widget and what the reader typed', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/app.html`);
  await page.evaluate((html) => {
    document.getElementById('app').innerHTML = `<section id="a">${html}</section><section id="b"></section>`;
  }, snippet('spa'));
  await mounted(page);
  await page.getByLabel('Address of environment 1').fill('uat.example.com');
  await page.evaluate(() => document.getElementById('b').append(document.querySelector('imanage-helper')));
  await page.evaluate(() => new Promise((ok) => setTimeout(ok)));
  assert.equal(await page.locator('#b imanage-helper').getByLabel('Address of environment 1').inputValue(), 'uat.example.com');
  assert.deepEqual(page.errors, []);
});
