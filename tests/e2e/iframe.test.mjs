// The iframe route of docs/embedding.md (its snippet verbatim, the helper's origin
// substituted): frame.html on one origin framed by a page on another; the frame reports
// its height and the snippet fits the frame to it, ignoring messages from anyone else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage } from './support.mjs';
import { snippet, substitute, hostPage } from './snippets.mjs';

let browser;
let helper;
let site;
before(async () => {
  browser = await launch();
  helper = await serve();
  const body = substitute(snippet('iframe'), {
    'https://help.example.com/imanage-helper/': `${helper.url}/`,
    "'https://help.example.com'": `'${helper.url}'`,
  });
  site = await serve({ pages: { '/article.html': { body: hostPage({ body }) } } });
});
after(async () => {
  await browser?.close();
  await helper?.close();
  await site?.close();
});

/** The frame's content height, read inside the frame. */
function contentHeight(frame) {
  return frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

test('the iframe fits its content as the content grows, and ignores height messages from elsewhere', async () => {
  const page = await newPage(browser, { viewport: { width: 1100, height: 800 } });
  await page.goto(`${site.url}/article.html`);
  const frameLocator = page.frameLocator('#imanage-helper-frame');
  await frameLocator.getByRole('heading', { name: 'Check your iManage Cloud details', level: 2 }).waitFor();
  await frameLocator.locator('[data-testid=widget][aria-busy]').waitFor({ state: 'detached' });
  const frame = page.frames().find((f) => f.url().startsWith(`${helper.url}/frame.html`));
  const fitted = async () => {
    const want = await contentHeight(frame);
    await page.waitForFunction((h) => document.getElementById('imanage-helper-frame').height === String(h), want);
    return want;
  };
  const first = await fitted();
  assert.ok(first > 1600, `the whole flow is ${first}px tall`);
  // The frame's inside (without the border the page may give it) shows all of it.
  const inside = await page.locator('#imanage-helper-frame').evaluate((el) => el.clientHeight);
  assert.equal(inside, first, 'the frame shows all of it');
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true, 'with no inner scrollbar');

  await frameLocator.getByRole('button', { name: 'Try an example' }).click();
  await frameLocator.getByLabel('Address of environment 3').waitFor();
  const second = await fitted();
  assert.ok(second > first, `grew from ${first} to ${second}px`);

  // A message of the right shape from the page itself (another origin) changes nothing.
  await page.evaluate(() => window.postMessage({ type: 'imanage-helper:height', height: 10 }, '*'));
  await page.evaluate(() => new Promise((ok) => setTimeout(ok)));
  assert.equal(await page.locator('#imanage-helper-frame').getAttribute('height'), String(second));
  assert.deepEqual(page.errors, []);
});

test('the frame page takes the options from its query string', async () => {
  const page = await newPage(browser);
  await page.goto(`${helper.url}/frame.html?show=path&version=7.10&heading-level=3`);
  await page.getByTestId('decision').waitFor();
  assert.match(await page.getByTestId('decision').textContent(), /Hosted iManage workaround$/);
  assert.equal(await page.locator('.imh-title').evaluate((el) => el.tagName), 'H3');
  assert.deepEqual(page.errors, []);
});
