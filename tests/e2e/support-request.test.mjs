// A reader fills in everything by labels and roles, copies the support request, and the
// clipboard holds exactly the expected message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady, isFocused, focusedLabel } from './support.mjs';

const env = useBrowser();

const EXPECTED = `Subject: iManage Cloud registration request – Customer ID 1764

Hello Clio Operate Support,

Please ask iManage to register our firm for the Clio Operate iManage Cloud integration.

Firm: Example Legal LLP
Contact: Sam Example
Contact e-mail: sam@example-legal.example
iManage Customer ID: 1764
iManage URL: https://examplelegal.cloudimanage.com (vanity URL)
Clio Operate version: 7.10.2 (below 7.11.0: Hosted iManage workaround)

As we are below version 7.11.0, please also send us the Client ID and Client Secret for the Hosted iManage configuration.

Redirect URIs to register (3), each exactly as written:

Production
https://examplelegal.clio-operate.example/externalServices/replyFrom

UAT
https://examplelegal-uat.clio-operate.example/externalServices/replyFrom

Training
https://examplelegal-training.clio-operate.example/externalServices/replyFrom

Thank you.

Written at 2026-11-28T10:30:00Z, that is 28 November 2026 at 10:30 (UTC), with the iManage Cloud setup helper 0.1.0.
`;

test('fill everything, copy the request, and the clipboard holds the exact message', async () => {
  const page = await newPage(env.browser, { timezoneId: 'UTC', permissions: ['clipboard-read', 'clipboard-write'] });
  await page.clock.setFixedTime(new Date('2026-11-28T10:30:00Z'));
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);

  // Environments: one typed, two pasted as a list into a new row.
  await page.getByLabel('Address of environment 1').fill('https://examplelegal.clio-operate.example/admin/oauth');
  await page.getByRole('button', { name: 'Add environment' }).click();
  const second = page.getByLabel('Address of environment 2');
  await assert.doesNotReject(second.waitFor());
  await page.evaluate(() => navigator.clipboard.writeText(
    'https://examplelegal-uat.clio-operate.example\nhttps://examplelegal-training.clio-operate.example/'));
  await second.focus();
  await page.keyboard.press('Control+V');
  await page.getByLabel('Address of environment 3').waitFor();
  assert.equal(await page.getByLabel('Role of environment 2').inputValue(), 'uat');
  assert.equal(await page.getByLabel('Role of environment 3').inputValue(), 'training');

  await page.getByLabel('iManage URL', { exact: true }).fill('examplelegal.cloudimanage.com');
  await page.getByLabel('iManage Customer ID', { exact: true }).fill(' 1764 ');
  await page.getByLabel('Clio Operate version', { exact: true }).fill('v7.10.2');
  await page.getByLabel('Firm name (optional)').fill('Example Legal LLP');
  await page.getByLabel('Your name (optional)').fill('Sam Example');
  await page.getByLabel('Your e-mail address (optional)').fill('sam@example-legal.example');

  assert.match(await page.getByTestId('decision').textContent(), /Hosted iManage workaround$/);
  const answers = await page.getByTestId('check-answers').textContent();
  assert.match(answers, /1764/);
  assert.match(answers, /examplelegal-training\.clio-operate\.example\/externalServices\/replyFrom/);

  await page.getByRole('button', { name: 'Copy the request' }).click();
  await page.getByRole('status').filter({ hasText: 'Request copied' }).waitFor({ state: 'attached' });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The platform clipboard stores line breaks as CRLF; every other character is exact.
  assert.equal(copied.replaceAll('\r\n', '\n'), EXPECTED);
  assert.equal(await page.getByRole('alert').count(), 0, 'no error summary');

  // The e-mail link carries the same text, and the download the same file.
  const mailto = await page.getByRole('link', { name: 'Open in e-mail' }).getAttribute('href');
  assert.ok(mailto.length <= 1800, `mailto is ${mailto.length} characters`);
  const body = decodeURIComponent(mailto.split('&body=')[1]).replaceAll('\r\n', '\n');
  assert.equal(`Subject: iManage Cloud registration request – Customer ID 1764\n\n${body}\n`, EXPECTED);
  const download = page.getByRole('link', { name: 'Download as a text file' });
  assert.equal(await download.getAttribute('download'), 'imanage-registration-request-2026-11-28.txt');
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  // The download uses Windows line endings throughout, for Notepad and ticket forms.
  const saved = Buffer.concat(chunks).toString('utf8');
  assert.equal(saved, EXPECTED.replaceAll('\n', '\r\n'));

  assert.deepEqual(page.errors, []);
});

test('asking for the request with a problem shows the error summary, focused, with links', async () => {
  const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByLabel('Address of environment 1').fill('jane@examplelegal.example');
  await page.getByRole('button', { name: 'Copy the request' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.match(await summary.textContent(), /^There is a problem/);
  assert.equal(await isFocused(summary), true);
  await summary.getByRole('link', { name: /^Environment 1:/ }).click();
  assert.equal(await isFocused(page.getByLabel('Address of environment 1')), true);
  assert.deepEqual(page.errors, []);
});
