// A reader types one environment address on the demo page (release build) and sees the
// exact redirect URI with its findings; nothing leaves the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady } from './support.mjs';

const env = useBrowser();

test('typing an address shows its exact redirect URI and findings', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const loaded = env.server.requests.length;

  const address = page.getByLabel('Address of environment 1');
  await address.fill('http://ACME.example.com/admin/oauth');
  const uri = page.getByTestId('redirect-uri');
  await assert.doesNotReject(uri.waitFor());
  assert.equal(await uri.textContent(), 'https://acme.example.com/externalServices/replyFrom');
  // The redirect URI follows each keystroke; the messages wait until the reader leaves.
  assert.equal(await page.getByTestId('environment-row').locator('[data-code]').count(), 0);
  await address.blur();

  const row = page.getByTestId('environment-row');
  const findings = await row.locator('[data-code]').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.deepEqual(findings.sort(), ['http-upgraded', 'path-dropped', 'uppercase-lowered']);
  assert.match(await row.textContent(), /starts with http:\/\//);

  // The reader's text is kept as typed; the fix is offered, not applied.
  assert.equal(await page.getByLabel('Address of environment 1').inputValue(), 'http://ACME.example.com/admin/oauth');
  await page.getByRole('button', { name: 'Use https for environment 1 (Production)' }).click();
  assert.equal(await page.getByLabel('Address of environment 1').inputValue(), 'https://acme.example.com/admin/oauth');

  assert.deepEqual(page.errors, []);
  assert.deepEqual(env.server.requests.slice(loaded), [], 'no request after the widget loaded');
});

test('the page shows a readable fallback when WebAssembly cannot run', async () => {
  const page = await newPage(env.browser, { javaScriptEnabled: false });
  await page.goto(`${env.server.url}/`);
  const fallback = page.getByText('The interactive checker could not start in this browser.');
  assert.equal(await fallback.isVisible(), true);
});
