// A reader whose sign-in fails with invalid_redirect_uri pastes what they have and gets
// the most likely cause, with a fixed clock and time zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady, openPhase } from './support.mjs';

const env = useBrowser();
const SUBMITTED = 'When Clio Operate Support submitted the request to iManage';
const CAVEAT =
  'The 48 hours count from when Clio Operate Support submitted the request to iManage; if the date entered is when you wrote to Support, the wait may run longer.';

async function open(now) {
  const page = await newPage(env.browser, { timezoneId: 'Europe/London', permissions: ['clipboard-read', 'clipboard-write'] });
  await page.clock.setFixedTime(new Date(now));
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByLabel('Address of environment 1').fill('https://firm.clio-operate.example');
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Address of environment 2').fill('https://firm-uat.clio-operate.example');
  await page.getByLabel('iManage Customer ID', { exact: true }).fill('1764');
  await openPhase(page, 'troubleshoot');
  return page;
}

test('within 48 hours the verdict is to wait, with the local time', async () => {
  const page = await open('2026-11-28T10:00:00Z');
  await page.getByLabel(SUBMITTED).fill('2026-11-27T12:00');
  await page.getByLabel('The address in the browser when the error appeared').fill(
    'https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=abc&redirect_uri=https%3A%2F%2Ffirm.clio-operate.example%2FexternalServices%2FreplyFrom&state=x',
  );
  assert.equal(
    await page.getByTestId('diagnosis-window').textContent(),
    `48 hours from the date entered pass on Sunday 29 November 2026 at 12:00 (UTC): 26 hours from now. ${CAVEAT}`,
  );
  const hint = await page.getByTestId('diagnosis-submitted-hint').textContent();
  assert.match(hint, /from when Support submitted the request/);
  assert.match(hint, /If you only know when you wrote to Support, enter that, but the wait may run longer\./);
  const verdict = page.getByTestId('verdict');
  assert.match(await verdict.textContent(), /^Most likely cause: The registration may not have been processed yet/);
  assert.match(await verdict.textContent(), /Wait until Sunday 29 November 2026 at 12:00 \(UTC\)/);
  assert.match(await verdict.textContent(), /the wait may run longer/);
  const checks = await page.getByTestId('diagnosis-environments').locator('li').allTextContents();
  assert.match(checks[0], /The failing sign-in sent exactly this URI\./);
  assert.equal(await page.getByTestId('follow-up-preview').count(), 0, 'nothing to correct while waiting');
  assert.deepEqual(page.errors, []);
});

test('after 48 hours a near miss and a missing URI produce a message to correct and register', async () => {
  const page = await open('2026-12-02T10:00:00Z');
  await page.getByLabel(SUBMITTED).fill('2026-11-27T12:00');
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
    `The 48 hours from the date entered ended on Sunday 29 November 2026 at 12:00 (UTC). ${CAVEAT}`,
  );

  await page.getByRole('button', { name: 'Copy the message for Support' }).click();
  await page.getByRole('status').filter({ hasText: 'Message copied' }).waitFor({ state: 'attached' });
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).replaceAll('\r\n', '\n');
  const lines = copied.split('\n');
  assert.equal(
    lines[0],
    'Subject: iManage redirect URI registration: correction and registration needed – Customer ID 1764',
  );
  assert.ok(lines.includes('http://firm.clio-operate.example/externalServices/replyFrom'));
  assert.ok(lines.includes('https://firm.clio-operate.example/externalServices/replyFrom'));
  assert.ok(lines.includes('https://firm-uat.clio-operate.example/externalServices/replyFrom'));
  assert.ok(lines.includes("Date we have for the request's submission to iManage: 27 November 2026 at 12:00 (UTC)"));
  assert.deepEqual(page.errors, []);
});

test('a sign-in from an environment not in the list is the first cause, even inside the window', async () => {
  const page = await open('2026-11-28T10:00:00Z');
  await page.getByLabel(SUBMITTED).fill('2026-11-27T12:00');
  // A Safe Links-wrapped authorize URL from an e-mail, for a training environment never entered.
  const inner = encodeURIComponent(
    'https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=abc&redirect_uri=' +
      encodeURIComponent('https://firm-training.clio-operate.example/externalServices/replyFrom') +
      '&state=x',
  );
  await page
    .getByLabel('The address in the browser when the error appeared')
    .fill(`https://eur02.safelinks.protection.outlook.com/?url=${inner}&data=05%7C02&reserved=0`);
  const verdict = await page.getByTestId('verdict').textContent();
  assert.match(
    verdict,
    /^Most likely cause: The sign-in came from an environment that is not in your list, so it was not registered/,
  );
  const unknown = await page.getByTestId('diagnosis-unknown').locator('li').allTextContents();
  assert.equal(unknown.length, 1);
  assert.match(unknown[0], /https:\/\/firm-training\.clio-operate\.example\/externalServices\/replyFrom/);
  const message = await page.getByTestId('follow-up-preview').textContent();
  assert.match(message, /registration needed/);
  assert.doesNotMatch(message, /correct/);
  assert.ok(message.split('\n').includes('https://firm-training.clio-operate.example/externalServices/replyFrom'));
  assert.deepEqual(page.errors, []);
});

test('an environment on its own version gets its own configuration path', async () => {
  const page = await open('2026-11-28T10:00:00Z');
  await openPhase(page, 'prepare');
  await page.getByLabel('Clio Operate version', { exact: true }).fill('7.11.2');
  await page.getByText('This environment runs another version').nth(1).click();
  await page.getByLabel('Version, if different for environment 2').fill('7.10.4');
  assert.equal(
    await page.getByTestId('environment-version-decision').textContent(),
    '7.10.4 is below 7.11.0 → Hosted iManage workaround',
  );
  await openPhase(page, 'configure');
  const card = page.getByTestId('path-card');
  const own = await card.getByTestId('environment-path').allTextContents();
  assert.equal(own.length, 1);
  assert.match(own[0], /Hosted iManage workaround/);
  const text = await card.textContent();
  assert.match(text, /Standard configuration: what to do/);
  assert.match(text, /Before you configure anything, contact Clio Operate Support for the Client ID and Client Secret/);
  // Two versions in the one field point to the per-environment version.
  await openPhase(page, 'prepare');
  await page.getByLabel('Clio Operate version', { exact: true }).fill('7.11.2 (production), 7.10.4 (UAT)');
  const findings = await page.getByText('more than one version').textContent();
  assert.match(findings, /more than one version/);
  assert.deepEqual(page.errors, []);
});
