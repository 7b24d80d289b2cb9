// Coming back days later on the demo page (release build): Start again and its Undo, the
// address kept in step with the answers, a link beside a remembered draft, and the
// restore said with its date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, widgetReady, openPhase, isFocused } from './support.mjs';

const env = useBrowser();

/** A browser context whose pages fail the test on any error, with `options`. */
async function newContext(options = {}) {
  const context = await env.browser.newContext(options);
  context.errors = [];
  context.on('page', (p) => {
    p.on('pageerror', (error) => context.errors.push(String(error)));
    p.on('console', (message) => {
      if (message.type() === 'error') context.errors.push(message.text());
    });
  });
  return context;
}

/** Opens `path` of the demo page in a new tab of `context`, once the widget is ready. */
async function open(context, path = '/') {
  const page = await context.newPage();
  await page.goto(`${env.server.url}${path}`);
  await widgetReady(page);
  return page;
}

const customer = (page) => page.getByLabel('iManage Customer ID', { exact: true });
const status = (page) => page.getByTestId('status').first();

/** The one draft on the device: its key and text (waits until there is one). */
async function draft(page, holding = '') {
  const handle = await page.waitForFunction((holding) => {
    const key = localStorage.key(0);
    const text = key && localStorage.getItem(key);
    return text && text.includes(holding) ? [key, text] : null;
  }, holding);
  return handle.jsonValue();
}

test('Start again then Undo brings back the answers and what the device remembered', async () => {
  const context = await newContext();
  const page = await open(context);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByLabel('Remember my answers on this device for 30 days').check();
  await status(page).filter({ hasText: 'Your answers will be kept on this device for 30 days.' }).waitFor();
  await customer(page).fill('4242');
  const [, kept] = await draft(page, 'customer=4242');

  await page.getByRole('button', { name: 'Start again', exact: true }).click();
  assert.equal(await customer(page).inputValue(), '');
  await page.waitForFunction(() => localStorage.length === 0);
  const notice = page.getByTestId('reset-notice');
  assert.match(await notice.textContent(), /Everything was cleared, including your answers remembered on this device\./);
  await status(page).filter({ hasText: 'Choose Undo to bring it all back.' }).waitFor();

  await notice.getByRole('button', { name: /^Undo\b.*bring back my answers$/ }).click();
  assert.equal(await customer(page).inputValue(), '4242');
  assert.ok(await isFocused(page.getByLabel('Address of environment 1')), 'focus goes to the first answer brought back');
  assert.equal(await page.getByLabel('Address of environment 3').inputValue(), 'https://acme-training.clio-operate.example');
  assert.equal(await page.getByLabel('Remember my answers on this device for 30 days').isChecked(), true);
  await status(page).filter({ hasText: 'Your answers are back, and remembered on this device again.' }).waitFor();
  assert.equal(await page.getByTestId('reset-notice').count(), 0);
  const [, again] = await draft(page, 'customer=4242');
  assert.equal(again.split(';').slice(2).join(';'), kept.split(';').slice(2).join(';'), 'the same draft is back');

  // Days later on the same device: the answers are there.
  const back = await open(context);
  assert.equal(await customer(back).inputValue(), '4242');
  assert.deepEqual(context.errors, []);
  await context.close();
});

test('an address kept in step with later edits reloads as the reader left it, with no link notice', async () => {
  const context = await newContext();
  // The host page has its own hash route; it stays.
  const page = await open(context, '/#/kb/imanage');
  await page.getByRole('button', { name: 'Try an example' }).click();
  const entries = await page.evaluate(() => history.length);
  await page.getByTestId('bookmark').click();
  await status(page).filter({ hasText: 'and it follows your changes' }).waitFor();
  // Reloaded at once, before any change: still the tab's own answers.
  await page.waitForFunction(() => sessionStorage.length === 1);
  await page.reload();
  await widgetReady(page);
  assert.equal(await customer(page).inputValue(), '1764');
  assert.equal(await page.getByTestId('link-notice').count(), 0, 'the tab\'s own answers are no link');
  await customer(page).fill('4243');
  await page.getByLabel('Firm name (optional)').fill('Acme & Partners');
  await page.waitForFunction(() => location.hash.includes('customer=4243') && location.hash.includes('Partners'));
  assert.ok(page.url().startsWith(`${env.server.url}/#/kb/imanage&imanage-helper?`), page.url());
  assert.equal(await page.evaluate(() => history.length), entries, 'no history entries pile up');

  await page.reload();
  await widgetReady(page);
  assert.equal(await customer(page).inputValue(), '4243');
  assert.equal(await page.getByLabel('Firm name (optional)').inputValue(), 'Acme & Partners');
  assert.equal(await page.getByTestId('link-notice').count(), 0, 'the tab\'s own answers are no link');
  // After the reload the address still follows.
  await customer(page).fill('4244');
  await page.waitForFunction(() => location.hash.includes('customer=4244'));

  // The same address opened in another tab is a bookmark: said, without alarm.
  const other = await open(context, new URL(page.url()).pathname + new URL(page.url()).hash);
  assert.equal(await customer(other).inputValue(), '4244');
  assert.match(await other.getByTestId('link-notice').textContent(), /opened from a link or a bookmark\. If you did not make it yourself, check every address/);

  // Start again takes the answers out of the address and keeps the page's route.
  await page.getByRole('button', { name: 'Start again', exact: true }).click();
  await page.waitForFunction(() => location.hash === '#/kb/imanage');
  assert.deepEqual(context.errors, []);
  await context.close();
});

test('a link opened beside a remembered draft leaves the draft untouched until the reader chooses', async () => {
  const context = await newContext({ timezoneId: 'America/New_York' });
  const page = await open(context);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByLabel('Remember my answers on this device for 30 days').check();
  const [key, saved] = await draft(page, 'customer=1764');
  await page.close();

  const linked = await open(context, '/#imanage-helper?customer=9999&firm=Stranger%20LLP');
  assert.equal(await customer(linked).inputValue(), '9999');
  assert.equal(await linked.getByLabel('Address of environment 1').inputValue(), '', 'nothing of the draft is mixed in');
  await linked.getByTestId('link-notice').waitFor();
  const offer = linked.getByTestId('saved-draft-notice');
  const choose = offer.getByRole('button', { name: /^Use my answers saved on this device on \d{1,2} \w+ \d{4} at \d\d:\d\d instead$/ });
  await choose.waitFor();
  // Editing the link's answers leaves the device's draft as it was.
  await customer(linked).fill('9998');
  await linked.getByTestId('check-answers').filter({ hasText: '9998' }).waitFor();
  assert.equal(await linked.evaluate((key) => localStorage.getItem(key), key), saved);

  await choose.click();
  assert.equal(await customer(linked).inputValue(), '1764');
  assert.equal(await linked.getByLabel('Firm name (optional)').inputValue(), 'Acme Legal LLP (example)');
  assert.equal(await linked.getByTestId('link-notice').count(), 0);
  assert.match(await linked.getByTestId('restored-notice').textContent(), /^Your answers from .+ were restored from this device\./);
  await status(linked).filter({ hasText: 'were restored from this device.' }).waitFor();
  // The link's answers leave the address, and the draft is still the one saved.
  await linked.waitForFunction(() => location.hash === '');
  assert.equal(await linked.evaluate((key) => localStorage.getItem(key), key), saved);
  assert.deepEqual(context.errors, []);
  await context.close();
});

for (const [timezoneId, savedAt, said] of [
  ['America/New_York', '2026-11-28T15:30:00Z', '28 November 2026 at 10:30'],
  ['Asia/Kolkata', '2026-11-28T05:00:00Z', '28 November 2026 at 10:30'],
]) {
  test(`a return says, in ${timezoneId}, that the answers were restored from this device and when`, async () => {
    const context = await newContext({ timezoneId });
    const page = await open(context);
    await page.clock.setFixedTime(new Date('2026-11-30T12:00:00Z'));
    await customer(page).fill('4242');
    await page.getByLabel('Remember my answers on this device for 30 days').check();
    const [key] = await draft(page, 'customer=4242');
    // The draft as it was saved on day 1, the request marked sent.
    const expires = Date.parse(savedAt) + 30 * 86_400_000;
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [
      key,
      `v2;${expires};phase=prepare&sent=1&sent_at=${savedAt};imanage-helper?customer=4242`,
    ]);
    await page.close();

    const back = await context.newPage();
    await back.clock.setFixedTime(new Date('2026-11-30T12:00:00Z'));
    await back.goto(`${env.server.url}/`);
    await widgetReady(back);
    const sentence = `Your answers from ${said} were restored from this device.`;
    const notice = back.getByTestId('restored-notice');
    assert.match(await notice.textContent(), new RegExp(`^${sentence}`));
    await status(back).filter({ hasText: sentence }).waitFor();
    assert.equal(await back.getByLabel('I have sent the request to Clio Operate Support').isChecked(), true);

    // The reader's choices are announced; Forget is at hand.
    await back.getByLabel('I have sent the request to Clio Operate Support').uncheck();
    await status(back).filter({ hasText: 'No longer marked as sent.' }).waitFor();
    await back.getByLabel('I have sent the request to Clio Operate Support').check();
    await status(back).filter({ hasText: 'Marked as sent.' }).waitFor();
    await notice.getByRole('button', { name: 'Forget my answers on this device' }).click();
    await status(back).filter({ hasText: 'Your answers are no longer kept on this device.' }).waitFor();
    await back.waitForFunction(() => localStorage.length === 0);
    assert.equal(await back.getByTestId('restored-notice').count(), 0);
    assert.deepEqual(context.errors, []);
    await context.close();
  });
}

test('the date the request was marked sent starts the 48 hours when the reader asks, in the reader\'s zone', async () => {
  const context = await newContext({ timezoneId: 'America/New_York', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await open(context);
  // Day 1, 10:30 in New York: the request is copied and marked sent.
  await page.clock.setFixedTime(new Date('2026-11-28T15:30:00Z'));
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByRole('button', { name: 'Copy the request' }).click();
  await page.getByLabel('I have sent the request to Clio Operate Support').check();

  // An environment remembered after sending is flagged: Support has not been asked for it.
  assert.equal(await page.getByTestId('added-since-sent').count(), 0);
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Address of environment 4').fill('https://acme-dr.clio-operate.example');
  const added = page.getByTestId('added-since-sent');
  assert.match(await added.textContent(), /^Since you marked the request sent, you added 1 redirect URI that was not in it\..*https:\/\/acme-dr\.clio-operate\.example\/externalServices\/replyFrom$/);
  await page.getByRole('button', { name: /^Remove environment 4/ }).click();
  await added.waitFor({ state: 'detached' });

  // Later, sign-in fails: the diagnosis offers that time for the window.
  await page.clock.setFixedTime(new Date('2026-11-29T15:00:00Z'));
  await openPhase(page, 'troubleshoot');
  const offer = page.getByTestId('use-sent-time');
  assert.equal(await offer.textContent(), 'Use the time you marked the request sent: 28 November 2026 at 10:30');
  const date = page.getByTestId('diagnosis-submitted');
  assert.equal(await date.inputValue(), '');
  await offer.click();
  assert.equal(await date.inputValue(), '2026-11-28T10:30');
  assert.ok(await isFocused(date), 'focus moves to the date it filled');
  assert.equal(await page.getByTestId('use-sent-time').count(), 0, 'used, so no longer offered');
  await status(page).filter({ hasText: 'The date you marked the request sent is now the submission date.' }).waitFor();
  assert.deepEqual(context.errors, []);
  await context.close();
});
