// The widget embedded in pages we do not control: several instances in different modes
// under a hostile stylesheet, the script included twice, the JS API, strict and
// WebAssembly-blocking Content-Security-Policies, and no requests after load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, useBrowser, newPage, isFocused } from './support.mjs';

const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; default-src 'none'";

const HOSTILE_CSS = `
* { box-sizing: content-box !important; font-family: "Comic Sans MS", cursive !important; color: #f00 !important; line-height: 3 !important; }
div, section, p, ul, li { padding: 30px !important; margin: 20px !important; background: #ff0 !important; }
button, a { display: none !important; }
input, select, textarea { width: 10px !important; }
label { visibility: hidden !important; }
[id^="imh"], .imh, .imh-button, .imh-input { display: none !important; }
[data-show="redirect-uris"] { --imh-accent: rgb(107, 44, 145); }
html { font-size: 10px !important; }
* { text-transform: uppercase !important; letter-spacing: 3px !important; word-spacing: 12px !important; }
body, main, div { white-space: pre !important; text-indent: 40px !important; text-align: right !important; text-shadow: 0 0 2px #f00 !important;
  font-style: italic !important; font-weight: 900 !important; font-variant: small-caps !important; direction: rtl !important; cursor: wait !important;
  tab-size: 40 !important; hyphens: auto !important; word-break: break-all !important; overflow-wrap: normal !important; list-style: square inside !important;
  border-collapse: collapse !important; quotes: "<" ">" !important; -webkit-text-stroke: 1px #f00 !important; visibility: visible !important; }
`;

const hostPage = (extraHead = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Support portal</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="hostile.css">
${extraHead}
<script type="module" src="imanage-helper.js"></script>
<script type="module" src="imanage-helper.js?included-twice"></script>
</head><body><main>
<h1>Support portal</h1>
<button class="imh-button" id="host-button">A host button</button>
<div data-imanage-helper data-show="redirect-uris" data-heading-level="3"
     data-environments="Production=https://firm.example.com, UAT=https://firm-uat.example.com"><p>Fallback one</p></div>
<div data-imanage-helper data-show="path" data-version="7.10"><p>Fallback two</p></div>
<div data-imanage-helper data-show="diagnosis"><p>Fallback three</p></div>
<div data-imanage-helper data-show="everything"><p>Fallback four</p></div>
<div id="later"><p>Fallback later</p></div>
</main></body></html>`;

const cspPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict page</title>
<script type="module" src="imanage-helper.js"></script>
</head><body><main><h1>Strict page</h1>
<div data-imanage-helper><p>Fallback</p></div>
</main></body></html>`;

const env = useBrowser({
    pages: {
      '/host.html': { body: hostPage() },
      '/hostile.css': { body: HOSTILE_CSS, headers: { 'content-type': 'text/css' } },
      '/strict.html': { body: cspPage, headers: { 'content-security-policy': STRICT_CSP } },
      '/no-wasm.html': { body: cspPage, headers: { 'content-security-policy': "script-src 'self'; connect-src 'self'; style-src 'self'; default-src 'none'" } },
    },
  });

async function openHost() {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/host.html`);
  await page.waitForFunction(() => document.querySelectorAll('[data-imanage-helper-mounted]').length === 3);
  await page.locator('[data-testid=widget][aria-busy]').first().waitFor({ state: 'detached' });
  return page;
}

/** Widgets as seen from the page: each placeholder's shadow root. */
function widgets(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-imanage-helper]')].map((host) => {
    const root = host.shadowRoot;
    const heading = root?.querySelector('.imh-title');
    return {
      mounted: host.hasAttribute('data-imanage-helper-mounted'),
      heading: heading?.textContent ?? null,
      headingTag: heading?.tagName ?? null,
      ids: root ? [...root.querySelectorAll('[id]')].map((e) => e.id) : [],
      error: host.querySelector('[data-imanage-helper-error]')?.textContent ?? null,
    };
  }));
}

test('three instances in different modes, one bad placeholder, the script included twice', async () => {
  const page = await openHost();
  const found = await widgets(page);
  assert.deepEqual(found.map((w) => w.heading), [
    'Work out your redirect URIs',
    'Which configuration applies to your version',
    'Diagnose an invalid_redirect_uri error',
    null,
  ]);
  assert.equal(found[0].headingTag, 'H3', 'data-heading-level is honoured');
  assert.equal(found[1].headingTag, 'H2');
  assert.equal(found[3].mounted, false);
  assert.equal(found[3].error, 'The interactive checker could not start here: data-show is “everything”; it takes all, redirect-uris, path or diagnosis.');
  assert.equal(await page.getByText('Fallback four').isVisible(), true, 'the bad placeholder keeps its fallback');
  assert.equal(await page.getByText('Fallback one').isVisible(), false, 'a mounted placeholder hides its fallback');

  const ids = found.flatMap((w) => w.ids);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique across instances');

  // The prefilled environments show their URIs; the path instance its decision.
  assert.deepEqual(await page.getByTestId('redirect-uri').allTextContents(), [
    'https://firm.example.com/externalServices/replyFrom',
    'https://firm-uat.example.com/externalServices/replyFrom',
  ]);
  assert.equal(await page.getByTestId('decision').textContent(), '7.10 → 7.10.0 is below 7.11.0 → Hosted iManage workaround');

  // No shared state: typing in the diagnosis instance leaves the first alone.
  const diagnosisInput = page.locator('[data-show="diagnosis"]').getByLabel('Address of environment 1');
  await diagnosisInput.fill('https://other.example.com');
  assert.equal(await page.getByTestId('redirect-uri').count(), 3);
  assert.equal(await page.locator('[data-show="redirect-uris"]').getByTestId('redirect-uri').count(), 2);

  // Included twice, the WebAssembly loaded once.
  assert.equal(env.server.requests.filter((r) => r === '/imanage-connect_bg.wasm').length, 1);
  assert.deepEqual(page.errors, []);
});

test('a hostile host stylesheet does not reach the widget, and the widget does not reach the host', async () => {
  const page = await openHost();
  const first = page.locator('[data-show="redirect-uris"]');
  const copy = first.getByRole('button', { name: 'Copy all redirect URIs' });
  assert.equal(await copy.isVisible(), true);
  const style = await copy.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, font: s.fontFamily, display: s.display };
  });
  assert.equal(style.color, 'rgb(107, 44, 145)', 'the host themes the widget through its custom properties');
  assert.doesNotMatch(style.font, /Comic/);
  assert.equal(await first.getByLabel('Address of environment 1').isVisible(), true);
  const width = await first.getByLabel('Address of environment 1').evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width > 100, `the address field is ${width}px wide`);
  const labelVisibility = await first.locator('label').first().evaluate((el) => getComputedStyle(el).visibility);
  assert.equal(labelVisibility, 'visible');

  // The page's root font size (10px) and its inherited text styles stop at the widget.
  const uri = first.getByTestId('redirect-uri').first();
  assert.equal(await uri.evaluate((el) => el.innerText), 'https://firm.example.com/externalServices/replyFrom',
    'the redirect URI renders in its own case');
  const computed = await uri.evaluate((el) => {
    const pick = (e) => {
      const s = getComputedStyle(e);
      return {
        fontSize: s.fontSize, textTransform: s.textTransform, letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing,
        whiteSpace: s.whiteSpace, textIndent: s.textIndent, textAlign: s.textAlign, textShadow: s.textShadow,
        fontStyle: s.fontStyle, fontVariant: s.fontVariantCaps, direction: s.direction, cursor: s.cursor, tabSize: s.tabSize,
        hyphens: s.hyphens, listStyle: s.listStyleType, borderCollapse: s.borderCollapse, quotes: s.quotes,
        textStroke: s.webkitTextStrokeWidth,
      };
    };
    const root = el.getRootNode().querySelector('.imh');
    return { uri: pick(el), root: { ...pick(root), fontWeight: getComputedStyle(root).fontWeight } };
  });
  const plain = {
    textTransform: 'none', letterSpacing: 'normal', wordSpacing: '0px', textIndent: '0px', textAlign: 'left',
    textShadow: 'none', fontStyle: 'normal', fontVariant: 'normal', direction: 'ltr', cursor: 'auto', tabSize: '8',
    hyphens: 'manual', listStyle: 'disc', borderCollapse: 'separate', quotes: 'auto', textStroke: '0px',
  };
  assert.deepEqual(computed.root, { ...plain, fontSize: '16px', whiteSpace: 'normal', fontWeight: '400' });
  assert.deepEqual(computed.uri, { ...plain, fontSize: '15.2px', whiteSpace: 'normal', listStyle: 'none' /* the widget's own list */ });

  // Every control in every widget stays at least 24 × 24 px (WCAG 2.5.8).
  const small = await page.evaluate(() => [...document.querySelectorAll('[data-imanage-helper-mounted]')].flatMap((host) =>
    [...host.shadowRoot.querySelectorAll('button, input:not([type=checkbox]):not([type=radio]), select, textarea, a.imh-button, summary')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
      .map(({ el, box }) => `${el.tagName} “${(el.textContent || el.getAttribute('aria-label') || el.id).trim()}” ${box.width}×${box.height}`)));
  assert.deepEqual(small, []);
  const text = await page.locator('[data-show="path"]').locator('.imh-hint').first().evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(text, '15.2px', 'hint text keeps its size under html { font-size: 10px }');

  // The host's own .imh-button keeps the host's styles: widget.css is not in the document.
  const hostButton = await page.evaluate(() => getComputedStyle(document.getElementById('host-button')).display);
  assert.equal(hostButton, 'none');
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? 'inline'));
  assert.ok(sheets.every((href) => !href.endsWith('widget.css')), `document sheets: ${sheets}`);
});

test('the JS API mounts, updates, unmounts, refuses bad options by name, and analyses', async () => {
  const page = await openHost();
  await page.evaluate(() => window.imanageHelper.ready);
  const result = await page.evaluate(() => {
    const api = window.imanageHelper;
    const later = document.getElementById('later');
    const root = () => later.shadowRoot;
    const handle = api.mount(later, { show: 'path', version: '7.11' });
    return { id: handle.id, version: api.version };
  });
  assert.match(result.id, /^imh\d+$/);
  assert.equal(result.version, '0.1.0');
  const later = page.locator('#later');
  assert.equal(await later.getByTestId('decision').textContent(), '7.11 → 7.11.0 is 7.11.0 or above → Standard configuration');

  const errors = await page.evaluate(() => {
    const api = window.imanageHelper;
    const later = document.getElementById('later');
    const attempt = (f) => { try { f(); return null; } catch (e) { return String(e.message ?? e); } };
    return {
      again: attempt(() => api.mount(later, {})),
      badKey: attempt(() => api.mount(document.createElement('div'), { supportEmial: 'x@y.example' })),
      badLevel: attempt(() => api.mount(document.createElement('div'), { headingLevel: 9 })),
      badElement: attempt(() => api.mount(document.createElement('input'), {})),
      badRequest: attempt(() => api.analyze({ customerID: '1' })),
      badType: attempt(() => api.analyze({ environments: [{ role: 'uat', url: 42 }] })),
      badShow: attempt(() => api.mount(document.createElement('div'), { show: 'everything' })),
    };
  });
  assert.match(errors.again, /already mounted/);
  assert.match(errors.badKey, /supportEmial/);
  assert.match(errors.badLevel, /headingLevel is 9/);
  assert.match(errors.badElement, /<input> element cannot hold the widget/);
  assert.match(errors.badRequest, /customerID/);
  assert.equal(errors.badType, 'imanageHelper.analyze: environments[0].url must be a string, not a number.');
  assert.equal(errors.badShow, 'imanageHelper.mount: show is “everything”; it takes all, redirect-uris, path or diagnosis.');

  // update() through a handle kept by the page.
  await page.evaluate(() => {
    const api = window.imanageHelper;
    const box = document.createElement('div');
    box.id = 'api-box';
    box.innerHTML = '<p>API fallback</p>';
    document.querySelector('main').append(box);
    window.apiHandle = api.mount(box, { show: 'path', version: '7.11.0' });
  });
  const box = page.locator('#api-box');
  assert.match(await box.getByTestId('decision').textContent(), /Standard configuration$/);
  await page.evaluate(() => window.apiHandle.update({ version: '7.9', headingLevel: 4 }));
  assert.match(await box.getByTestId('decision').textContent(), /Hosted iManage workaround$/);
  assert.equal(await box.locator('.imh-title').evaluate((el) => el.tagName), 'H4');
  await page.evaluate(() => window.apiHandle.unmount());
  assert.equal(await box.locator('.imh').count(), 0);
  assert.equal(await page.getByText('API fallback').isVisible(), true, 'the fallback shows again');
  const updateAfter = await page.evaluate(() => { try { window.apiHandle.update({}); return null; } catch (e) { return e.message; } });
  assert.match(updateAfter, /unmounted/);

  // analyze() returns the documented camelCase shape.
  const report = await page.evaluate(() => window.imanageHelper.analyze({
    environments: [{ url: 'http://ACME.example.com/admin/oauth' }],
    customerId: '1764',
    generatedAt: '2026-11-28T10:30:00Z',
  }));
  assert.equal(report.environments.entries[0].redirectUri, 'https://acme.example.com/externalServices/replyFrom');
  assert.equal(report.environments.entries[0].roleSuggested, true);
  assert.deepEqual(report.environments.entries[0].findings.map((f) => f.code), ['http-upgraded', 'uppercase-lowered', 'path-dropped']);
  assert.equal(report.supportRequest.ready, false);
  assert.equal(report.version.path, 'undecided');
  assert.equal(report.imanage, null);
  assert.equal(report.widgetVersion, '0.1.0');
  assert.deepEqual(Object.keys(report).sort(), [
    'configuration', 'contactFindings', 'counts', 'customerId', 'diagnosis', 'environments', 'imanage', 'supportRequest', 'version', 'widgetVersion',
  ]);
  assert.deepEqual(page.errors, []);
});

test('under the strict CSP the widget works with no violation and no request after load', async () => {
  const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  const refused = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) refused.push(m.text()); });
  await page.goto(`${env.server.url}/strict.html`);
  await page.getByRole('heading', { name: 'Check your iManage Cloud details' }).waitFor();
  const loaded = env.server.requests.length;
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByLabel('Address of environment 1').fill('http://firm.example.com/');
  await page.getByRole('button', { name: 'Use https for environment 1 (Production)' }).click();
  await page.getByRole('button', { name: 'Copy the request' }).click();
  await page.getByRole('status').filter({ hasText: 'Request copied' }).waitFor({ state: 'attached' });
  const styled = await page.getByRole('button', { name: 'Copy the request' }).evaluate((el) => getComputedStyle(el).borderTopWidth);
  assert.equal(styled, '2px', 'widget.css applies under style-src self');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(refused, []);
  assert.deepEqual(env.server.requests.slice(loaded), [], 'no request after load');
  assert.deepEqual(page.errors, []);
});

test('a CSP that blocks WebAssembly leaves the fallback, with a note', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/no-wasm.html`);
  const note = page.getByText('The interactive checker could not start on this page');
  await note.waitFor();
  assert.equal(await page.getByText('Fallback').isVisible(), true);
  assert.equal(await page.locator('[data-imanage-helper-mounted]').count(), 0);
});

test('a copied share link restores the answers; the fragment never reaches the server', async () => {
  const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${env.server.url}/`);
  await page.getByRole('heading', { name: 'Check your iManage Cloud details' }).waitFor();
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.getByLabel('iManage Customer ID', { exact: true }).fill('4242');
  await page.getByRole('button', { name: 'Copy link to these answers' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ state: 'attached' });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${env.server.url}/#imanage-helper?`), link);
  assert.match(link, /customer=4242/);

  const opened = await newPage(env.browser);
  await opened.goto(link);
  await opened.getByRole('heading', { name: 'Check your iManage Cloud details' }).waitFor();
  assert.equal(await opened.getByLabel('iManage Customer ID', { exact: true }).inputValue(), '4242');
  assert.equal(await opened.getByLabel('Address of environment 3').inputValue(), 'https://acme-training.clio-operate.example');
  assert.equal(await opened.getByLabel('Clio Operate version', { exact: true }).inputValue(), '7.10');
  assert.ok(env.server.requests.every((r) => !r.includes('imanage-helper?') && !r.includes('4242')), 'the answers never reach the server');
  assert.deepEqual(opened.errors, []);
});

test('the draft is kept only when the reader opts in, and Start again removes it', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/`);
  const customer = () => page.getByLabel('iManage Customer ID', { exact: true });
  await customer().fill('555');
  await page.reload();
  assert.equal(await customer().inputValue(), '', 'nothing is kept without opting in');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);

  await customer().fill('556');
  await page.getByLabel('Remember my answers on this device for 30 days').check();
  await page.reload();
  assert.equal(await customer().inputValue(), '556');
  assert.equal(await page.getByLabel('Remember my answers on this device for 30 days').isChecked(), true);

  await page.getByRole('button', { name: 'Start again', exact: true }).click();
  assert.equal(await customer().inputValue(), '');
  await page.reload();
  assert.equal(await customer().inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(page.errors, []);
});

test('inside a cross-origin iframe without clipboard-write, copying falls back to select-and-copy', async () => {
  // Another port is another origin: the widget runs in a cross-origin frame.
  const host = await serve({
    pages: {
      '/frame-host.html': {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame host</title><link rel="icon" href="data:,"></head>
<body><main><h1>Frame host</h1><iframe id="frame" title="Checker" width="900" height="700" src="${env.server.url}/"></iframe></main></body></html>`,
      },
    },
  });
  const page = await newPage(env.browser);
  await page.goto(`${host.url}/frame-host.html`);
  const frame = page.frameLocator('#frame');
  await frame.getByLabel('Address of environment 1').fill('firm.example.com');
  await frame.getByRole('button', { name: 'Copy redirect URI for Production' }).click();
  const fallback = frame.getByTestId('copy-fallback');
  await fallback.waitFor();
  assert.equal(await fallback.locator('textarea').inputValue(), 'https://firm.example.com/externalServices/replyFrom');
  const selected = await fallback.locator('textarea').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.equal(selected, 'https://firm.example.com/externalServices/replyFrom');

  // Editing the address goes on in the field: the fallback took focus once, not on
  // every change of the text it shows.
  const address = frame.getByLabel('Address of environment 1');
  await address.click();
  await address.press('End');
  await address.pressSequentially('.uk');
  assert.equal(await address.inputValue(), 'firm.example.com.uk');
  assert.ok(await isFocused(address), 'focus stays in the field being edited');
  // Done gives focus back to the copy button.
  await fallback.getByRole('button', { name: 'Done' }).click();
  assert.ok(await isFocused(frame.getByRole('button', { name: 'Copy redirect URI for Production' })));
  await host.close();
});
