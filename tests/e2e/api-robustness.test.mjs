// The JS API under abuse: ten thousand calls of every kind of bad argument (wrong types,
// throwing getters, revoked and hostile Proxies, oversized input, handles called out of
// turn), each refused with the documented message, and then a widget that still mounts
// and works. A polluted Object.prototype changes nothing. Mounting and unmounting, or
// removing the element without unmount(), leaves no nodes or listeners behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage } from './support.mjs';

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,">
<script type="module" src="imanage-helper.js"></script>
</head><body><main><h1>Portal</h1>${body}</main></body></html>`;

const env = useBrowser({
  pages: {
    '/portal.html': { body: page('<div id="slot"><p>Fallback</p></div>') },
    '/refused.html': {
      body: page(`
<div data-imanage-helper id="refused" data-show="all" data-support-email="evil@x.example?bcc=attacker@y.example"><p>Fallback</p></div>
<div data-imanage-helper id="plain" data-show="all" data-support-email="support@operate.example"><p>Fallback</p></div>`),
    },
  },
});

const CALLS = 10_000;

async function openPortal() {
  const p = await newPage(env.browser);
  await p.goto(`${env.server.url}/portal.html`);
  await p.evaluate(() => window.imanageHelper.ready);
  return p;
}

test(`${CALLS.toLocaleString('en-GB')} bad calls of every kind are each refused by name, then a widget mounts and works`, async () => {
  const p = await openPortal();
  const outcome = await p.evaluate(async (calls) => {
    const api = window.imanageHelper;
    const bindings = await import('./imanage-connect.js');
    const div = () => document.createElement('div');
    const revoked = (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })();
    const throwingKeys = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    const throwingGet = new Proxy({ customerId: '1' }, { get() { throw new Error('trap'); } });
    const elementProxy = new Proxy(div(), {});
    const lookAlike = { hasAttribute: () => false, attachShadow: () => ({}), tagName: 'DIV' };
    const getter = { get customerId() { throw new Error('getter'); } };
    const longText = 'x'.repeat(100_001);
    const manyRows = Array.from({ length: 1_001 }, (_, i) => ({ url: `e${i}.example.com` }));
    const gone = api.mount(div(), {});
    gone.unmount();
    const kinds = {
      'mount(null)': () => api.mount(null, {}),
      'mount(undefined)': () => api.mount(undefined),
      'mount(selector)': () => api.mount('#slot', {}),
      'mount(number)': () => api.mount(42, {}),
      'mount(plain object)': () => api.mount(lookAlike, {}),
      'mount(Proxy of an element)': () => api.mount(elementProxy, {}),
      'mount(revoked Proxy)': () => api.mount(revoked, {}),
      'mount(<input>)': () => api.mount(document.createElement('input'), {}),
      'mount(options: string)': () => api.mount(div(), 'Production=https://a.example.com'),
      'mount(options: throwing ownKeys)': () => api.mount(div(), throwingKeys),
      'mount(options: throwing getter)': () => api.mount(div(), getter),
      'mount(options: unknown key)': () => api.mount(div(), { supportEmial: 'a@b.example' }),
      'mount(options: too much text)': () => api.mount(div(), { customerId: longText }),
      'mountPlaceholder(null)': () => bindings.mountPlaceholder(null),
      'mountPlaceholder(revoked Proxy)': () => bindings.mountPlaceholder(revoked),
      'analyze(revoked Proxy)': () => api.analyze(revoked),
      'analyze(throwing ownKeys)': () => api.analyze(throwingKeys),
      'analyze(throwing get trap)': () => api.analyze(throwingGet),
      'analyze(string)': () => api.analyze('https://a.example.com'),
      'analyze(too many environments)': () => api.analyze({ environments: manyRows }),
      'analyze(too much text)': () => api.analyze({ firmName: longText }),
      'update after unmount': () => gone.update({ version: '7.11' }),
      'update(revoked Proxy), called detached': () => { const { update } = gone; update(revoked); },
      'update.call(null, bad options)': () => gone.update.call(null, throwingKeys),
      'unmount.call(42) after unmount': () => { gone.unmount.call(42); throw new Error('no error: unmounting twice does nothing'); },
    };
    const results = {};
    for (const [kind, call] of Object.entries(kinds)) {
      const messages = new Set();
      let notErrors = 0;
      for (let i = 0; i < calls; i += 1) {
        try {
          call();
          messages.add('(no exception)');
        } catch (error) {
          if (!(error instanceof Error)) notErrors += 1;
          messages.add(String(error?.message ?? error));
        }
      }
      results[kind] = { messages: [...messages], notErrors };
    }
    // After all of that: a widget mounts, renders and answers typing; analyze and
    // mountAll work; nothing on the page has died.
    const slot = document.getElementById('slot');
    const handle = api.mount(slot, { show: 'redirect-uris', environments: 'Production=https://firm.example.com' });
    const report = api.analyze({ environments: [{ url: 'http://ACME.example.com' }] });
    const placeholder = div();
    placeholder.setAttribute('data-imanage-helper', '');
    placeholder.setAttribute('data-show', 'path');
    document.querySelector('main').append(placeholder);
    return {
      results,
      id: handle.id,
      frozen: Object.isFrozen(handle),
      redirectUri: report.environments.entries[0].redirectUri,
      mountedByMountAll: api.mountAll(),
    };
  }, CALLS);

  const expected = {
    'mount(null)': 'imanageHelper.mount: element must be an element of this page, not null (did document.querySelector find nothing?).',
    'mount(undefined)': 'imanageHelper.mount: element must be an element of this page, such as document.getElementById(…), not undefined.',
    'mount(selector)': 'imanageHelper.mount: element must be an element of this page, not a string (pass document.querySelector(…), not the selector).',
    'mount(number)': 'imanageHelper.mount: element must be an element of this page, such as document.getElementById(…), not a number.',
    'mount(plain object)': 'imanageHelper.mount: element must be an element of this page, such as document.getElementById(…), not an object.',
    'mount(Proxy of an element)': 'imanageHelper.mount: element must be an element of this page, such as document.getElementById(…), not an object.',
    'mount(revoked Proxy)': 'imanageHelper.mount: element must be an element of this page, such as document.getElementById(…), not an object.',
    'mount(<input>)': 'imanageHelper.mount: a <input> element cannot hold the widget; use a <div>.',
    'mount(options: string)': 'imanageHelper.mount: the options must be an object, not a string.',
    'mount(options: throwing ownKeys)': 'imanageHelper.mount: the options could not be read: reading it threw an exception.',
    'mount(options: throwing getter)': 'imanageHelper.mount: customerId could not be read: reading it threw an exception.',
    'mount(options: unknown key)': 'imanageHelper.mount: unknown key “supportEmial”; the keys are environments, imanageUrl, customerId, version, supportEmail, show, headingLevel.',
    'mount(options: too much text)': 'imanageHelper.mount: more than 100000 characters of text in the options; a widget takes at most 100000.',
    'mountPlaceholder(null)': 'imanageHelper.mountPlaceholder: element must be an element of this page, not null (did document.querySelector find nothing?).',
    'mountPlaceholder(revoked Proxy)': 'imanageHelper.mountPlaceholder: element must be an element of this page, such as document.getElementById(…), not an object.',
    'analyze(revoked Proxy)': 'imanageHelper.analyze: the request could not be read: reading it threw an exception.',
    'analyze(throwing ownKeys)': 'imanageHelper.analyze: the request could not be read: reading it threw an exception.',
    'analyze(throwing get trap)': 'imanageHelper.analyze: customerId could not be read: reading it threw an exception.',
    'analyze(string)': 'imanageHelper.analyze: the request must be an object, not a string.',
    'analyze(too many environments)': 'imanageHelper.analyze: environments lists 1001 environments; a widget takes at most 1000.',
    'analyze(too much text)': 'imanageHelper.analyze: more than 100000 characters of text in the request; a widget takes at most 100000.',
    'update after unmount': 'imanageHelper.update: this widget was unmounted; mount it again.',
    'update(revoked Proxy), called detached': 'imanageHelper.update: the options could not be read: reading it threw an exception.',
    'update.call(null, bad options)': 'imanageHelper.update: the options could not be read: reading it threw an exception.',
    'unmount.call(42) after unmount': 'no error: unmounting twice does nothing',
  };
  for (const [kind, message] of Object.entries(expected)) {
    assert.deepEqual(outcome.results[kind], { messages: [message], notErrors: 0 }, kind);
  }
  assert.deepEqual(Object.keys(outcome.results).sort(), Object.keys(expected).sort());

  assert.match(outcome.id, /^imh\d+$/);
  assert.equal(outcome.frozen, true, 'the handle is a frozen plain object');
  assert.equal(outcome.redirectUri, 'https://acme.example.com/externalServices/replyFrom');
  assert.equal(outcome.mountedByMountAll, 1);
  const slot = p.locator('#slot');
  assert.deepEqual(await slot.getByTestId('redirect-uri').allTextContents(), ['https://firm.example.com/externalServices/replyFrom']);
  await slot.getByLabel('Address of environment 1').fill('http://other.example.com/');
  await slot.getByText('https://other.example.com/externalServices/replyFrom').waitFor();
  assert.match(await p.locator('[data-show="path"]').locator('.imh-title').textContent(), /configuration/);
  assert.deepEqual(p.errors, []);
});

test('a polluted Object.prototype changes nothing the API reads', async () => {
  const p = await openPortal();
  const found = await p.evaluate(() => {
    Object.prototype.supportEmail = 'attacker@evil.example';
    Object.prototype.environments = 'Production=https://evil.example';
    Object.prototype.customerId = '666';
    Array.prototype[0] = { url: 'https://evil.example' };
    try {
      const api = window.imanageHelper;
      const slot = document.getElementById('slot');
      api.mount(slot, { show: 'all', version: '7.11' });
      const report = api.analyze({});
      const inherited = api.analyze(Object.create({ customerId: 'X' }));
      return {
        mailto: report.supportRequest.mailto,
        customerId: report.customerId,
        inheritedCustomerId: inherited.customerId,
        entries: report.environments.entries.length,
      };
    } finally {
      delete Object.prototype.supportEmail;
      delete Object.prototype.environments;
      delete Object.prototype.customerId;
      delete Array.prototype[0];
    }
  });
  assert.match(found.mailto, /^mailto:\?subject=/);
  assert.equal(found.customerId, null);
  assert.equal(found.inheritedCustomerId, null);
  assert.equal(found.entries, 0);
  const slot = p.locator('#slot');
  await slot.locator('[data-testid=widget]:not([aria-busy])').waitFor();
  assert.equal(await slot.getByLabel('Address of environment 1').inputValue(), '');
  assert.equal(await slot.getByLabel('iManage Customer ID', { exact: true }).inputValue(), '');
  assert.equal(await slot.getByTestId('email-request').getAttribute('href').then((h) => h.startsWith('mailto:?')), true);
  assert.doesNotMatch(await slot.getByTestId('support-recipient').textContent(), /evil/);
});

test('analyze() refuses a five-megabyte list at once instead of blocking the page', async () => {
  const p = await openPortal();
  const { message, ms } = await p.evaluate(() => {
    const list = Array.from({ length: 230_000 }, (_, i) => `https://e${i}.example.com`).join('\n');
    const start = performance.now();
    try {
      window.imanageHelper.analyze({ environments: [{ url: list }] });
      return { message: null, ms: performance.now() - start };
    } catch (error) {
      return { message: error.message, ms: performance.now() - start };
    }
  });
  assert.equal(message, 'imanageHelper.analyze: more than 100000 characters of text in the request; a widget takes at most 100000.');
  assert.ok(ms < 50, `refused in ${ms} ms`);
});

test('a refused data-support-email is shown as refused, not as the recipient', async () => {
  const p = await newPage(env.browser);
  await p.goto(`${env.server.url}/refused.html`);
  for (const id of ['refused', 'plain']) {
    await p.locator(`#${id} [data-testid=widget]:not([aria-busy])`).waitFor();
  }
  const refused = p.locator('#refused');
  assert.equal(
    await refused.getByTestId('support-recipient').textContent(),
    'This page gives the Support address evil@x.example?bcc=attacker@y.example, which is not a plain e-mail address, so it was refused: the e-mail has no recipient. Add Clio Operate Support\'s address yourself.',
  );
  assert.match(await refused.getByTestId('email-request').getAttribute('href'), /^mailto:\?subject=/);
  const plain = p.locator('#plain');
  assert.equal(await plain.getByTestId('support-recipient').textContent(), 'The e-mail goes to support@operate.example.');
  assert.match(await plain.getByTestId('email-request').getAttribute('href'), /^mailto:support@operate\.example\?subject=/);
  assert.deepEqual(p.errors, []);
});

/** DOM nodes and JS event listeners still alive after a full garbage collection. */
async function counters(cdp) {
  // Twice: the first pass can leave objects that only the second finds unreachable.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { nodes, listeners: jsEventListeners };
}

test('50 mount/unmount cycles, and 50 elements removed without unmount(), leave no nodes or listeners behind', async () => {
  const p = await openPortal();
  const cdp = await p.context().newCDPSession(p);
  const cycle = (removeOnly, count) => p.evaluate(async ({ removeOnly, count }) => {
    const api = window.imanageHelper;
    for (let i = 0; i < count; i += 1) {
      const box = document.createElement('div');
      box.innerHTML = '<p>Fallback</p>';
      document.querySelector('main').append(box);
      const handle = api.mount(box, { environments: 'Production=https://firm.example.com', version: '7.10' });
      // The widget renders in a microtask; then it gets a keystroke.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const input = box.shadowRoot.querySelector('input');
      input.value = 'https://other.example.com';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      if (!removeOnly) handle.unmount();
      box.remove();
      // The removal is seen by a MutationObserver, which runs after this task.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return document.querySelectorAll('[data-imanage-helper-mounted]').length;
  }, { removeOnly, count });

  // A first round settles one-time costs (the pooled host, the idle-time warm-up); each
  // later round of 50 must add nothing.
  await cycle(false, 50);
  for (const removeOnly of [false, true]) {
    const before = await counters(cdp);
    assert.equal(await cycle(removeOnly, 50), 0);
    const after = await counters(cdp);
    const what = removeOnly ? 'removed without unmount()' : 'unmounted';
    assert.ok(after.nodes <= before.nodes, `${what}: DOM nodes ${before.nodes} → ${after.nodes}`);
    assert.ok(after.listeners <= before.listeners, `${what}: listeners ${before.listeners} → ${after.listeners}`);
  }
  assert.deepEqual(p.errors, []);
});

test('each mount shows its own options, on a reused host too, and an update() in the same turn adds to them', async () => {
  const p = await openPortal();
  // What a widget's form holds: every text field's value, by its id without the instance.
  const values = (element) => p.evaluate((el) => Object.fromEntries([...el.shadowRoot.querySelectorAll('input:not([type]), input[type=text], input[type=email], textarea')]
    .filter((field) => field.value)
    .map((field) => [field.id.replace(/^imh\d+-/, ''), field.value])), element);
  const slot = await p.$('#slot');
  const settled = () => p.waitForFunction(() => !document.querySelector('#slot').shadowRoot?.querySelector('[aria-busy=true]'));

  // A mount on an element the page never attached (a retry loop's stray call) is
  // released at the next mount, whose widget reuses its host: it must not inherit its form.
  await p.evaluate(async () => {
    window.imanageHelper.mount(document.createElement('div'), { environments: 'https://old.example.com', customerId: '1111' });
    await new Promise((ok) => setTimeout(ok, 50));
    window.imanageHelper.mount(document.querySelector('#slot'), { environments: [{ role: 'production', url: 'https://firm.example.com' }], version: '7.10.2' });
  });
  await settled();
  const fresh = Object.values(await values(slot));
  assert.ok(fresh.includes('https://firm.example.com'), JSON.stringify(fresh));
  assert.ok(fresh.includes('7.10.2'), JSON.stringify(fresh));
  assert.ok(!fresh.includes('https://old.example.com') && !fresh.includes('1111'), JSON.stringify(fresh));

  // The portal pattern of docs/embedding.md: update() right after mount(), in the same
  // turn, before the widget first rendered: the mount's prefill stays, the update adds to
  // it, and a display option the update does not name stays as it was.
  await p.evaluate(() => {
    const slotElement = document.querySelector('#slot');
    for (const [id, show] of [['second', 'all'], ['third', 'redirect-uris']]) {
      const element = document.createElement('div');
      element.id = id;
      slotElement.after(element);
      const handle = window.imanageHelper.mount(element, { environments: 'https://firm.example.com', customerId: '1764', show });
      handle.update({ version: '7.10' });
    }
  });
  await p.waitForFunction(() => ['second', 'third'].every((id) => document.getElementById(id).shadowRoot?.querySelector('input')
    && !document.getElementById(id).shadowRoot.querySelector('[aria-busy=true]')));
  const updated = Object.values(await values(await p.$('#second')));
  for (const kept of ['https://firm.example.com', '1764', '7.10']) {
    assert.ok(updated.includes(kept), `${kept} in ${JSON.stringify(updated)}`);
  }
  const third = await p.$('#third');
  assert.ok(Object.values(await values(third)).includes('https://firm.example.com'));
  assert.equal(await third.evaluate((el) => el.shadowRoot.querySelectorAll('input[id$="-version"]:not([data-testid=environment-version])').length), 0,
    'the part shown stays redirect-uris');
  assert.deepEqual(p.errors, []);
});
