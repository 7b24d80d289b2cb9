// A whole e-mail pasted into the first address box of the release build: each labelled
// line becomes a row with the role its label names, the greeting and sign-off are left
// out, and the status region says which lines were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady } from './support.mjs';

const env = useBrowser();

const EMAIL = [
  'Hi Sam,',
  '',
  'Here are our environments:',
  'Production: https://acme.example.com',
  'UAT - http://acme-uat.example.com/',
  'Training (new)  https://acme-training.example.com',
  '\tTest\tacme-test.example.com',
  '',
  'Thanks,',
  'Jo',
].join('\n');

/** Records every message the status region shows (it moves on to a summary later). */
function recordStatuses(page) {
  return page.evaluate(() => {
    const status = document.querySelector('[data-imanage-helper]').shadowRoot.querySelector('[data-testid=status]');
    window.__statuses = [];
    new MutationObserver(() => window.__statuses.push(status.textContent))
      .observe(status, { childList: true, characterData: true, subtree: true });
  });
}

function paste(locator, text) {
  return locator.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, text);
}

test('a pasted e-mail becomes one row per labelled address, and its prose is left out', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await recordStatuses(page);
  await paste(page.getByLabel('Address of environment 1'), EMAIL);
  await page.getByTestId('environment-row').nth(3).waitFor();
  assert.equal(await page.getByTestId('environment-row').count(), 4);

  const urls = await page.getByTestId('environment-url').evaluateAll((els) => els.map((el) => el.value));
  assert.deepEqual(urls, [
    'Production: https://acme.example.com',
    'UAT - http://acme-uat.example.com/',
    'Training (new)  https://acme-training.example.com',
    'Test\tacme-test.example.com',
  ]);
  const roles = await page.getByTestId('role').evaluateAll((els) => els.map((el) => el.value));
  assert.deepEqual(roles, ['production', 'uat', 'training', 'test']);
  const uris = await page.getByTestId('redirect-uri').allTextContents();
  for (const host of ['acme', 'acme-uat', 'acme-training', 'acme-test']) {
    assert.ok(uris.some((uri) => uri.includes(`https://${host}.example.com/externalServices/replyFrom`)),
      `${host} in ${JSON.stringify(uris)}`);
  }
  // Each label is told about, and no row is an error.
  assert.equal(await page.locator('[data-code="label-read"]').count(), 4);
  assert.equal(await page.locator('[data-code="unsupported-scheme"]').count(), 0);

  await page.waitForFunction(() => window.__statuses.some((s) => s.includes('left out')));
  const statuses = await page.evaluate(() => window.__statuses);
  const said = statuses.find((s) => s.includes('left out'));
  assert.match(said, /^4 environments added from the pasted list\. Check the role of each\. /);
  assert.match(said, /4 lines without an address were left out, such as “Hi Sam”, “Here are our environments:” and “Thanks”\./);
  // The same sentence stays in view under the rows.
  assert.equal(await page.getByTestId('paste-left-out').textContent(),
    '4 lines without an address were left out, such as “Hi Sam”, “Here are our environments:” and “Thanks”.');
  assert.deepEqual(page.errors, []);
});

test('a label typed before one address reads as it does in a pasted list', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const input = page.getByLabel('Address of environment 1');
  await input.pressSequentially('UAT - https://acme-uat.example.com');
  await input.blur();
  assert.equal(await page.getByTestId('role').first().inputValue(), 'uat');
  await page.locator('[data-code="label-read"]').waitFor();
  assert.match(await page.locator('[data-code="label-read"]').textContent(), /The label “UAT -” before the address was read as the role \(UAT\)\./);
  assert.ok((await page.getByTestId('redirect-uri').first().textContent())
    .includes('https://acme-uat.example.com/externalServices/replyFrom'));
  assert.equal(await page.getByTestId('paste-left-out').count(), 0, 'nothing was left out');
  assert.deepEqual(page.errors, []);
});

const MESSAGE = [
  'Jo Bloggs  10:42 AM',
  'hey! prod is https://acme.example.com and uat is https://acme-uat.example.com 👍',
  'Training (SafeLink): https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme-training.example.com%2F&data=05%7C02',
  '(edited)',
  'Kind regards,',
  'www.acme-law.example | https://www.linkedin.com/company/acme',
].join('\n');

test('a pasted chat message: addresses in a sentence, a Safe Link, and a signature left out by name', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await paste(page.getByLabel('Address of environment 1'), MESSAGE);
  await page.getByTestId('environment-row').nth(2).waitFor();
  assert.equal(await page.getByTestId('environment-row').count(), 3);
  const roles = await page.getByTestId('role').evaluateAll((els) => els.map((el) => el.value));
  assert.deepEqual(roles, ['production', 'uat', 'training']);
  const uris = await page.getByTestId('redirect-uri').allTextContents();
  for (const host of ['acme', 'acme-uat', 'acme-training']) {
    assert.ok(uris.some((uri) => uri.includes(`https://${host}.example.com/externalServices/replyFrom`)),
      `${host} in ${JSON.stringify(uris)}`);
  }
  assert.ok(!uris.some((uri) => uri.includes('safelinks')), JSON.stringify(uris));
  assert.match(await page.locator('[data-code="link-unwrapped"]').textContent(), /rewritten by Outlook Safe Links/);
  assert.equal(await page.getByTestId('paste-left-out').textContent(),
    '3 lines without an address were left out: “Jo Bloggs  10:42 AM”, “(edited)” and “Kind regards”. '
    + '1 address of another service was left out: linkedin.com. '
    + '1 address in a signature was left out: www.acme-law.example.');
  assert.deepEqual(page.errors, []);
});
