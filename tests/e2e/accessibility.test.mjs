// axe-core (WCAG 2.0/2.1/2.2 A and AA, best practice) on the demo page in light and dark
// schemes and at 320 px, in the states a reader passes through; and keyboard-only use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useBrowser, newPage, widgetReady, isFocused, focusedLabel, openPhase } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const env = useBrowser();

async function axe(page) {
  // Rows and steps out of view are not laid out (content-visibility: auto) and take an
  // estimated height, so axe would measure their controls against neighbours placed by
  // the estimate. Scrolling through once lays every part out and keeps its real height.
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  });
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The states to check: empty, filled with findings, the error summary shown. */
async function states(page) {
  const found = {};
  found.empty = await axe(page);
  await page.getByLabel('Address of environment 1').fill('http://www.ACME.example.com./admin/oauth');
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Address of environment 2').fill('https://jane@acme-uat.example.com');
  await page.getByLabel('Clio Operate version', { exact: true }).fill('7.10');
  await page.getByLabel('iManage Customer ID', { exact: true }).fill('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  found.findings = await axe(page);
  await page.getByRole('button', { name: 'Copy the request' }).click();
  await page.getByRole('alert').waitFor();
  found.summary = await axe(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  found.example = await axe(page);
  // Sent, then an environment added afterwards: the "sent" box and the warning (and, if
  // the browser refuses the clipboard here, the copy fallback).
  await page.getByRole('button', { name: 'Copy the request' }).click();
  await page.getByLabel('I have sent the request to Clio Operate Support').check();
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Address of environment 4').fill('https://acme-dr.clio-operate.example');
  await page.getByTestId('added-since-sent').waitFor();
  found.sent = await axe(page);
  await openPhase(page, 'configure');
  found.configure = await axe(page);
  await openPhase(page, 'troubleshoot');
  await page.getByLabel('Redirect URIs iManage confirmed').fill('https://acme.clio-operate.example/externalServices/replyFrom/');
  await page.getByLabel('The address in the browser when the error appeared').fill('not a url');
  await page.getByLabel('When Clio Operate Support submitted the request to iManage').fill('2026-11-27T12:00');
  await page.getByLabel('Sharedo Test').check();
  await page.getByTestId('verdict').waitFor();
  found.diagnosis = await axe(page);
  return found;
}

for (const [name, options] of [
  ['light, desktop', { colorScheme: 'light', viewport: { width: 1280, height: 900 } }],
  ['dark, desktop', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }],
  ['light, 320 px', { colorScheme: 'light', viewport: { width: 320, height: 800 } }],
  ['dark, 320 px', { colorScheme: 'dark', viewport: { width: 320, height: 800 } }],
]) {
  test(`axe finds no violations (${name})`, async () => {
    const page = await newPage(env.browser, options);
    await page.goto(`${env.server.url}/`);
    await widgetReady(page);
    const found = await states(page);
    for (const [state, violations] of Object.entries(found)) {
      assert.deepEqual(violations, [], `${state}: ${violations.join('\n')}`);
    }
    if (options.viewport.width === 320) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at 320 px`);
    }
    assert.deepEqual(page.errors, []);
  });
}

test('everything works from the keyboard alone', async () => {
  const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  const focusedName = () => focusedLabel(page);
  const tabTo = async (name) => {
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      if ((await focusedName()) === name) return;
    }
    assert.fail(`Tab never reached ${name}`);
  };

  await tabTo('Address of environment 1');
  await page.keyboard.type('acme.example.com');
  await tabTo('Add environment');
  await page.keyboard.press('Enter');
  assert.equal(await focusedName(), 'Address of environment 2', 'the new row takes focus');
  await page.keyboard.type('http://acme-uat.example.com');
  await tabTo('Use https for environment 2 (UAT)');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByLabel('Address of environment 2').inputValue(), 'https://acme-uat.example.com');

  await tabTo('Copy the request');
  await page.keyboard.press('Enter');
  assert.equal(await isFocused(page.getByRole('alert')), true);
  await page.keyboard.press('Tab');
  assert.equal(await focusedName(), 'Enter your iManage Customer ID.');
  await page.keyboard.press('Enter');
  assert.equal(await focusedName(), 'iManage Customer ID');
  await page.keyboard.type('1764');

  await tabTo('Copy the request');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Request copied' }).waitFor({ state: 'attached' });
  assert.equal(await focusedName(), 'Copy the request', 'focus stays on the button');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^https:\/\/acme-uat\.example\.com\/externalServices\/replyFrom\r?$/m);

  // The focus ring is visible on the focused control.
  const outline = await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return getComputedStyle(el).outlineStyle;
  });
  assert.equal(outline, 'solid');
  assert.deepEqual(page.errors, []);
});

test('axe finds no violations in the notices of a return (a link beside a draft, restored, cleared)', async () => {
  const page = await newPage(env.browser, { viewport: { width: 320, height: 800 } });
  await page.goto(`${env.server.url}/`);
  await widgetReady(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByLabel('Remember my answers on this device for 30 days').check();
  await page.waitForFunction(() => localStorage.length === 1);
  await page.goto(`${env.server.url}/#imanage-helper?customer=9999`);
  await page.reload();
  await widgetReady(page);
  await page.getByTestId('saved-draft-notice').waitFor();
  const found = { link: await axe(page) };
  await page.getByRole('button', { name: /^Use my answers saved on this device/ }).click();
  await page.getByTestId('restored-notice').waitFor();
  found.restored = await axe(page);
  await page.getByRole('button', { name: 'Start again', exact: true }).click();
  await page.getByTestId('reset-notice').waitFor();
  found.cleared = await axe(page);
  for (const [state, violations] of Object.entries(found)) {
    assert.deepEqual(violations, [], `${state}: ${violations.join('\n')}`);
  }
  assert.deepEqual(page.errors, []);
});
