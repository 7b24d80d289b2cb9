// Hostile input in every field of the release build: script payloads, a megabyte of
// text, ten thousand lines, control characters, right-to-left overrides and emoji. No
// script runs, nothing renders as HTML, the page keeps responding, and the e-mail link
// escapes everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady, openPhase } from './support.mjs';

const env = useBrowser();

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '"><img src=x onerror="window.__pwned=\'img\'">',
  "javascript:window.__pwned='js'",
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '</textarea><iframe srcdoc="<script>parent.__pwned=1</script>">',
  '%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
  '\u0000\u0001\u0007\u001b[31m\u007f',
  '\u202Eacme.example.com\u202C \u2066moc.elpmaxe\u2069',
  '👩🏽‍💻🏳️‍🌈 ＡＣＭＥ．ｃｏｍ 𝔞𝔠𝔪𝔢',
  'https://acme.example.com/externalServices/replyFrom?x=<b>bold</b>&y="q"',
];

const FIELDS = [
  'iManage URL',
  'iManage Customer ID',
  'Clio Operate version',
  'Firm name (optional)',
  'Your name (optional)',
  'Your e-mail address (optional)',
];

/** Milliseconds for the page to answer a trivial evaluate: a stand-in for "responsive". */
async function responsiveness(page) {
  const start = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  return Date.now() - start;
}

test('script payloads are shown as text and never run', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const payload = PAYLOADS.join(' ');
  await page.getByLabel('Address of environment 1').fill(payload);
  for (const field of FIELDS) {
    await page.getByLabel(field, { exact: true }).fill(payload);
  }
  await openPhase(page, 'troubleshoot');
  await page.getByLabel('Redirect URIs iManage confirmed').fill(PAYLOADS.join('\n'));
  await page.getByLabel('The address in the browser when the error appeared').fill(PAYLOADS.join('\n'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  await openPhase(page, 'prepare');
  const injected = await page.evaluate(() => {
    const root = document.querySelector('[data-imanage-helper]').shadowRoot;
    return root.querySelectorAll('script, img, svg, iframe, b').length;
  });
  assert.equal(injected, 0, 'no payload became an element');
  // The preview shows the firm name as typed, as text.
  const preview = await page.getByTestId('preview').textContent();
  assert.ok(preview.includes('<script>window.__pwned = "script"</script>'), 'the text is kept, as text');
  // The e-mail link escapes every payload character.
  const mailto = await page.getByRole('link', { name: 'Open in e-mail' }).getAttribute('href');
  assert.match(mailto, /^mailto:\?subject=[A-Za-z0-9%._~-]*&body=[A-Za-z0-9%._~-]*$/);
  assert.ok(mailto.length <= 1800);
  assert.deepEqual(page.errors, []);
});

test('a megabyte and ten thousand lines keep the page responsive', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const megabyte = 'a'.repeat(1024 * 1024);
  const lines = Array.from({ length: 10_000 }, (_, i) => `https://env-${i}.example.com`).join('\n');

  let started = Date.now();
  await page.getByLabel('iManage Customer ID', { exact: true }).fill(megabyte);
  await page.getByLabel('Clio Operate version', { exact: true }).fill(megabyte);
  await page.getByLabel('Firm name (optional)').fill(megabyte);
  const megabyteMs = Date.now() - started;
  const finding = await page.locator('[data-code="customer-id-not-digits"]').textContent();
  assert.ok(finding.length < 400, `the finding quotes an excerpt, not a megabyte (${finding.length} characters)`);

  // Ten thousand lines pasted into one row.
  const input = page.getByLabel('Address of environment 1');
  // Every message the status region shows is recorded: after a pause it moves on to the
  // summary, and on a loaded machine that can happen before the test reads it.
  await page.evaluate(() => {
    const status = document.querySelector('[data-imanage-helper]').shadowRoot.querySelector('[data-testid=status]');
    window.__statuses = [];
    new MutationObserver(() => window.__statuses.push(status.textContent))
      .observe(status, { childList: true, characterData: true, subtree: true });
  });
  started = Date.now();
  await input.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, lines);
  // Counting rows in the page is cheap; a label lookup across a thousand rows is not.
  await page.waitForFunction(() => document.querySelector('[data-imanage-helper]').shadowRoot
    .querySelectorAll('[data-testid=environment-row]').length === 1000, null, { timeout: 60_000 });
  const pasteMs = Date.now() - started;
  assert.equal(await page.getByTestId('environment-row').count(), 1000);
  const statuses = await page.evaluate(() => window.__statuses);
  assert.ok(statuses.some((status) => /^Only the first 1000 of 10000 pasted addresses were added/.test(status)),
    `status messages: ${JSON.stringify(statuses)}`);

  const idle = await responsiveness(page);
  assert.ok(idle < 2000, `a frame took ${idle} ms after the paste`);
  console.log(`megabyte fields: ${megabyteMs} ms; 10,000-line paste: ${pasteMs} ms; next frame: ${idle} ms`);
  const mailto = await page.getByRole('link', { name: 'Open in e-mail' }).getAttribute('href');
  assert.ok(mailto.length <= 1800, `mailto is ${mailto.length}`);
  assert.deepEqual(page.errors, []);
});

test('control characters, direction overrides and emoji are named, not hidden', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByLabel('Address of environment 1').fill('https://acme\u202E.example.com');
  const message = await page.locator('[data-code="non-ascii-host"]').textContent();
  assert.match(message, /U\+202E/);
  assert.ok(!message.includes('\u202E'), 'the override itself is not printed');
  await page.getByLabel('Address of environment 1').fill('https://👩🏽‍💻.example.com');
  assert.match(await page.locator('[data-code="non-ascii-host"]').textContent(), /U\+1F469/);
  await page.getByLabel('Address of environment 1').fill('https://ａｃｍｅ.example.com');
  assert.match(await page.locator('[data-code="non-ascii-host"]').textContent(), /full-width/);
  assert.equal(await page.getByTestId('redirect-uri').count(), 0);
  assert.deepEqual(page.errors, []);
});
