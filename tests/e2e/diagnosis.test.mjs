// A reader whose sign-in fails with invalid_redirect_uri pastes what they have and gets
// the most likely cause, with a fixed clock and time zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady } from './support.mjs';

const env = useBrowser();

async function open(now) {
  const page = await newPage(env.browser, { timezoneId: 'Europe/London', permissions: ['clipboard-read', 'clipboard-write'] });
  await page.clock.setFixedTime(new Date(now));
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByLabel('Address of environment 1').fill('https://firm.clio-operate.example');
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Address of environment 2').fill('https://firm-uat.clio-operate.example');
  await page.getByLabel('iManage Customer ID', { exact: true }).fill('1764');
  return page;
}

test('within 48 hours the verdict is to wait, with the local time', async () => {
  const page = await open('2026-11-28T10:00:00Z');
  await page.getByLabel('When the registration request was sent to Support').fill('2026-11-27T12:00');
  await page.getByLabel('The address in the browser when the error appeared').fill(
    'https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=abc&redirect_uri=https%3A%2F%2Ffirm.clio-operate.example%2FexternalServices%2FreplyFrom&state=x',
  );
  assert.equal(
    await page.getByTestId('diagnosis-window').textContent(),
    '48 hours pass on Sunday 29 November 2026, 12:00 (26 hours from now).',
  );
  const verdict = page.getByTestId('verdict');
  assert.match(await verdict.textContent(), /^Most likely cause: The registration may not have been processed yet/);
  assert.match(await verdict.textContent(), /Wait until Sunday 29 November 2026, 12:00/);
  const checks = await page.getByTestId('diagnosis-environments').locator('li').allTextContents();
  assert.match(checks[0], /The failing sign-in sent exactly this URI\./);
  assert.equal(await page.getByTestId('follow-up-preview').count(), 0, 'nothing to correct while waiting');
  assert.deepEqual(page.errors, []);
});

test('after 48 hours a near miss and a missing URI produce a correction message', async () => {
  const page = await open('2026-12-02T10:00:00Z');
  await page.getByLabel('When the registration request was sent to Support').fill('2026-11-27T12:00');
  await page.getByLabel('Redirect URIs iManage confirmed').fill(
    'Dear customer,\n\nThe following has been registered for Customer ID 1764:\n  - "http://firm.clio-operate.example/externalServices/replyFrom"\n\nKind regards,\niManage Support',
  );
  await page.getByLabel('Sharedo Production').check();
  const verdict = await page.getByTestId('verdict').textContent();
  assert.match(verdict, /^Most likely cause: A registered redirect URI does not exactly match/);
  assert.match(verdict, /starts with http:\/\/ instead of https:\/\//);
  assert.match(verdict, /Also check/);
  assert.match(verdict, /A redirect URI is not registered/);
  assert.equal(
    await page.getByTestId('diagnosis-window').textContent(),
    '48 hours have passed since the request (at Sunday 29 November 2026, 12:00).',
  );

  await page.getByRole('button', { name: 'Copy the correction request' }).click();
  await page.getByRole('status').filter({ hasText: 'Correction request copied' }).waitFor({ state: 'attached' });
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).replaceAll('\r\n', '\n');
  const lines = copied.split('\n');
  assert.equal(lines[0], 'Subject: iManage redirect URI registration: correction needed – Customer ID 1764');
  assert.ok(lines.includes('http://firm.clio-operate.example/externalServices/replyFrom'));
  assert.ok(lines.includes('https://firm.clio-operate.example/externalServices/replyFrom'));
  assert.ok(lines.includes('https://firm-uat.clio-operate.example/externalServices/replyFrom'));
  assert.ok(lines.includes('Registration requested: 2026-11-27T12:00:00Z'));
  assert.deepEqual(page.errors, []);
});
