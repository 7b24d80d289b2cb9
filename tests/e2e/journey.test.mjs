// The reader's journey on the demo page (release build), in several time zones: what the
// status region says on its own, and when.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady, isFocused, openPhase } from './support.mjs';

const env = useBrowser();

for (const timezoneId of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
  test(`an untouched form announces nothing in ${timezoneId}; a change is summarised`, async () => {
    const page = await newPage(env.browser, { timezoneId });
    await page.goto(`${env.server.url}/`);
    await widgetReady(page);
    const status = page.getByTestId('status').first();
    // The summary follows a pause of about a second; three seconds of silence prove there
    // is none to come.
    await assert.rejects(
      status.filter({ hasText: /\S/ }).waitFor({ timeout: 3_000 }),
      /Timeout/,
      'the untouched form stays silent',
    );
    assert.equal((await status.textContent()).trim(), '');

    await page.getByLabel('Address of environment 1').first().fill('https://acme.clioweb.com');
    await status.filter({ hasText: '1 redirect URI ready.' }).waitFor();
    assert.deepEqual(page.errors, []);
  });
}

/** The distance in px from the widget's top to the top of `locator`'s element. */
async function below(page, locator) {
  const widget = await page.getByTestId('widget').first().boundingBox();
  const box = await locator.boundingBox();
  return box.y - widget.y;
}

test('the first input is on the first screen, and the request is near after the example', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const tasks = await page.getByTestId('task-status').allTextContents();
  assert.deepEqual(tasks, ['Not yet started', 'Cannot start yet', 'Only if needed']);
  const first = await below(page, page.getByLabel('Address of environment 1'));
  console.log(`first input: ${first} px below the widget's top`);
  assert.ok(first < 900, `the first input is ${first} px below the widget's top`);

  await page.getByRole('button', { name: 'Try an example' }).click();
  const copy = await below(page, page.getByRole('button', { name: 'Copy the request' }));
  console.log(`"Copy the request" after the example: ${copy} px below the widget's top`);
  assert.ok(copy < 2_700, `"Copy the request" is ${copy} px below the widget's top`);
  // Nothing of another phase sits between the first input and the primary action.
  assert.equal(await page.getByTestId('path-card').count(), 0);
  assert.equal(await page.getByTestId('diagnosis').count(), 0);
  assert.equal(
    (await page.getByTestId('task-status').allTextContents())[0],
    'Ready to send',
  );
  assert.deepEqual(page.errors, []);
});

test('one phase is open at a time, and the part option still shows one part', async () => {
  const page = await newPage(env.browser, { viewport: { width: 375, height: 812 } });
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  const configure = page.getByTestId('task-configure');
  assert.equal(await configure.getAttribute('aria-expanded'), 'false');
  await configure.click();
  assert.equal(await configure.getAttribute('aria-expanded'), 'true');
  await page.getByTestId('path-card').waitFor();
  assert.equal(await page.getByLabel('Address of environment 1').count(), 0, 'the first phase is closed');
  await page.getByTestId('task-troubleshoot').click();
  await page.getByLabel('Redirect URIs iManage confirmed').waitFor();
  assert.equal(await page.getByTestId('path-card').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a copy button confirms the copy where the reader looks, then lets it go', async () => {
  const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByLabel('Address of environment 1').fill('https://acme.clioweb.com');
  await page.getByRole('button', { name: 'Copy redirect URI for Production' }).click();
  const confirmation = page.getByTestId('copy-confirmation');
  await confirmation.waitFor();
  assert.equal(await confirmation.textContent(), 'Redirect URI copied');
  assert.equal(await confirmation.isVisible(), true);
  // About five seconds later it goes.
  await confirmation.waitFor({ state: 'detached', timeout: 10_000 });
  assert.deepEqual(page.errors, []);
});

test('focus stays on a fixed field, and moves to the next row after Remove', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const first = page.getByLabel('Address of environment 1');
  await first.fill('http://acme.clioweb.com');
  await first.blur();
  await page.getByRole('button', { name: 'Use https for environment 1 (Production)' }).click();
  assert.equal(await first.inputValue(), 'https://acme.clioweb.com');
  assert.equal(await isFocused(first), true, 'focus stays on the fixed field');
  // The status region says what the fix did, and what the field now holds.
  await page.getByTestId('status').filter({
    hasText: 'Done: Use https for environment 1 (Production). It now reads https://acme.clioweb.com',
  }).waitFor();

  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Address of environment 2').fill('https://acme-uat.clioweb.com');
  await page.getByRole('button', { name: 'Remove environment 1 (Production)' }).click();
  assert.equal(await isFocused(page.getByLabel('Address of environment 1')), true, 'the row that followed');
  await page.getByRole('button', { name: /^Remove environment 1/ }).click();
  assert.equal(await isFocused(page.getByLabel('Address of environment 1')), true, 'the fresh row');
  assert.deepEqual(page.errors, []);
});

test('a reader leaves mid-journey and comes back through the bookmark and through the device', async () => {
  const context = await env.browser.newContext();
  const errors = [];
  context.on('page', (p) => p.on('pageerror', (error) => errors.push(String(error))));
  const page = await context.newPage();
  // The host page has its own hash route; the answers follow it and it is kept.
  await page.goto(`${env.server.url}/#/kb/imanage`);
  await widgetReady(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByLabel('iManage Customer ID', { exact: true }).fill('4242');
  await page.getByTestId('bookmark').click();
  const address = page.url();
  assert.ok(address.startsWith(`${env.server.url}/#/kb/imanage&imanage-helper?`), address);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing is stored without the opt-in');

  // Days later, through the bookmark: every answer, and a word about where they came from.
  const later = await context.newPage();
  await later.goto(address);
  await widgetReady(later);
  assert.equal(await later.getByLabel('iManage Customer ID', { exact: true }).inputValue(), '4242');
  assert.equal(await later.getByLabel('Address of environment 3').inputValue(), 'https://acme-training.clio-operate.example');
  assert.equal(await later.getByLabel('Clio Operate version', { exact: true }).inputValue(), '7.10');
  assert.equal(await later.getByLabel('Firm name (optional)').inputValue(), 'Acme Legal LLP (example)');
  const notice = later.getByTestId('link-notice');
  assert.match(await notice.textContent(), /These answers were opened from a link or a bookmark/);

  // Through the device memory, opted into: the same answers on the plain page.
  await later.getByLabel('Remember my answers on this device for 30 days').check();
  const plain = await context.newPage();
  await plain.goto(`${env.server.url}/`);
  await widgetReady(plain);
  assert.equal(await plain.getByLabel('iManage Customer ID', { exact: true }).inputValue(), '4242');
  assert.equal(await plain.getByLabel('Address of environment 2').inputValue(), 'https://acme-uat.clio-operate.example');
  // Forget removes it.
  await plain.getByRole('button', { name: 'Forget my answers on this device' }).first().click();
  assert.equal(await plain.evaluate(() => localStorage.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a returning reader finds the request still sent and the phase they had open; a link made then does not say sent', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const errors = [];
  context.on('page', (p) => p.on('pageerror', (error) => errors.push(String(error))));
  const page = await context.newPage();
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByLabel('Remember my answers on this device for 30 days').check();
  await page.getByRole('button', { name: 'Copy the request' }).click();
  await page.getByLabel('I have sent the request to Clio Operate Support').check();
  await openPhase(page, 'configure');

  // Days later, on the plain page: the phase they had open, the request still sent.
  const back = await context.newPage();
  await back.goto(`${env.server.url}/`);
  await widgetReady(back);
  assert.equal(await back.getByTestId('task-configure').getAttribute('aria-expanded'), 'true');
  await back.getByTestId('path-card').waitFor();
  assert.deepEqual(await back.getByTestId('task-status').allTextContents(), [
    'Sent', 'Next, once iManage confirms', 'Only if needed',
  ]);
  await openPhase(back, 'prepare');
  assert.equal(await back.getByLabel('I have sent the request to Clio Operate Support').isChecked(), true);
  const steps = await back.getByTestId('process-status').allTextContents();
  assert.ok(!steps.includes('To do now'), steps.join(', '));
  assert.deepEqual(steps.slice(0, 3), ['Done', 'Done', 'Waiting']);

  // A link made now carries the answers, not this reader's progress.
  await back.getByTestId('bookmark').click();
  const link = back.url();
  const colleague = await newPage(env.browser);
  await colleague.goto(link);
  await widgetReady(colleague);
  assert.equal(await colleague.getByLabel('iManage Customer ID', { exact: true }).inputValue(), '1764');
  assert.notEqual((await colleague.getByTestId('task-status').allTextContents())[0], 'Sent');
  assert.deepEqual(colleague.errors, []);
  await colleague.context().close();
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * What lies between `from` and `to` on the page (top to top) and is neither inside the
 * open phase's panel nor one of its ancestors: nothing of another phase may be there.
 * Positions are the viewport's, as Playwright's bounding boxes are.
 */
async function outsideBetween(page, phase, from, to) {
  const top = (await from.boundingBox()).y;
  const bottom = (await to.boundingBox()).y;
  return page.getByTestId(`phase-${phase}`).evaluate((panel, [top, bottom]) => {
    const found = [];
    for (const el of panel.getRootNode().querySelectorAll('*')) {
      if (panel.contains(el) || el.contains(panel)) continue;
      const box = el.getBoundingClientRect();
      if (box.height === 0 || box.width === 0) continue;
      if (box.bottom > top && box.top < bottom) found.push(el.dataset.testid ?? el.className ?? el.tagName);
    }
    return found;
  }, [top, bottom]);
}

test('at 375 px the first input is on the first screen, and only its phase lies between it and the primary action', async () => {
  const height = 812;
  const page = await newPage(env.browser, { viewport: { width: 375, height } });
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const input = page.getByLabel('Address of environment 1');
  const first = await below(page, input);
  console.log(`375 px: first input ${first} px below the widget's top`);
  assert.ok(first + (await input.boundingBox()).height <= height, `the first input ends ${first} px below the widget's top`);

  await page.getByRole('button', { name: 'Try an example' }).click();
  const copy = page.getByRole('button', { name: 'Copy the request' });
  assert.equal(await input.evaluate((el) => el.closest('[data-testid^="phase-"]')?.dataset.testid), 'phase-prepare');
  assert.equal(await copy.evaluate((el) => el.closest('[data-testid^="phase-"]')?.dataset.testid), 'phase-prepare');
  assert.deepEqual(await outsideBetween(page, 'prepare', input, copy), []);
  assert.equal(await page.getByTestId('path-card').count(), 0);
  assert.equal(await page.getByTestId('diagnosis').count(), 0);
  console.log(`375 px: "Copy the request" ${await below(page, copy)} px below the widget's top`);
  assert.deepEqual(page.errors, []);
});

test('after the request was asked for, correcting a field keeps focus in it, and "copied" goes once the request changes', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByLabel('Address of environment 1').fill('https://acme.clioweb.com');
  const customer = page.getByLabel('iManage Customer ID', { exact: true });
  await customer.fill('1746');
  await page.getByLabel('Clio Operate version', { exact: true }).fill('7.11');
  await page.getByRole('button', { name: 'Copy the request' }).click();
  await page.getByTestId('copy-confirmation').waitFor();

  // Emptying the field brings the error summary back; typing goes on in the field.
  await customer.click();
  await customer.press('End');
  for (let i = 0; i < 4; i += 1) await customer.press('Backspace');
  await page.getByTestId('error-summary').waitFor();
  await customer.pressSequentially('1764', { delay: 60 });
  assert.equal(await customer.inputValue(), '1764');
  assert.ok(await isFocused(customer), 'focus stays in the field being corrected');
  assert.equal(await page.getByTestId('copy-confirmation').count(), 0, 'the copied text is no longer the request');

  // Adding a forgotten environment after that is typed in full too.
  await page.getByRole('button', { name: 'Add environment' }).click();
  const second = page.getByLabel('Address of environment 2');
  await second.pressSequentially('https://acme-training.clioweb.com', { delay: 20 });
  assert.equal(await second.inputValue(), 'https://acme-training.clioweb.com');
  assert.ok(await isFocused(second));
  assert.deepEqual(errors, []);
  await context.close();
});
