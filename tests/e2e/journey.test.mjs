// The reader's journey on the demo page (release build), in several time zones: what the
// status region says on its own, and when.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widgetReady } from './support.mjs';

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
