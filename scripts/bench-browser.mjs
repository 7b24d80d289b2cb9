// Browser benchmarks of the release build in headless Chromium: script start to an
// interactive widget, and keystroke-to-updated-output latency with 1 to 1,000
// environments. Prints JSON; scripts/bench.sh turns it into BENCHMARKS.md.
import { serve, launch, newPage } from '../tests/e2e/support.mjs';

const server = await serve();
const browser = await launch();
const results = { startup: [], startupFromArrival: [], startupComplete: [], latency: {}, latencyTrials: {} };
// Enough keystrokes per size that the p95 is not just the second-slowest one.
const KEYSTROKES = 100;
// One keystroke every 100 ms: about 120 words a minute, a fast typist.
const KEYSTROKE_INTERVAL_MS = 100;
// Each size is measured on three fresh pages (cold code each time); the figures pool them.
const TRIALS = 3;

// Start-up: from the loader script starting to run (its `imanage-helper:start` mark) to
// the widget's heading and step 1 in the page, seen at the next frame; and to every step
// rendered (the widget is aria-busy until then). Also from the moment the script arrived:
// that adds the time the browser spends on the host page before it runs the script (the
// page's first layout), which differs from page to page.
for (let run = 0; run < 15; run += 1) {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    const observe = () => {
      const root = document.querySelector('[data-imanage-helper]')?.shadowRoot;
      if (root?.querySelector('.imh-title')) window.__interactive ??= performance.now();
      if (root?.querySelector('.imh-title') && !root.querySelector('[aria-busy]')) {
        window.__complete = performance.now();
        return;
      }
      requestAnimationFrame(observe);
    };
    document.addEventListener('DOMContentLoaded', observe);
  });
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => window.__complete);
  const { fromStart, fromArrival, complete } = await page.evaluate(() => {
    const script = document.querySelector('script[src$="imanage-helper.js"]');
    const arrived = performance.getEntriesByName(script.src)[0].responseEnd;
    const started = performance.getEntriesByName('imanage-helper:start')[0].startTime;
    return { fromStart: window.__interactive - started, fromArrival: window.__interactive - arrived, complete: window.__complete - started };
  });
  results.startup.push(fromStart);
  results.startupFromArrival.push(fromArrival);
  results.startupComplete.push(complete);
  await page.close();
}

// Latency: set the address of the first row (scrolled into view and focused, as when the
// reader types) at a fast typist's pace and time until its redirect URI shows and the
// layout is done, in the page itself (no driver round trips in the measurement). Every
// keystroke counts, the first one after mounting included.
for (const count of [1, 10, 100, 1000]) for (let trial = 0; trial < TRIALS; trial += 1) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => window.imanageHelper?.mount);
  const samples = await page.evaluate(async ({ count, keystrokes, KEYSTROKE_INTERVAL_MS }) => {
    const box = document.createElement('div');
    document.querySelector('main').append(box);
    const environments = Array.from({ length: count }, (_, i) => ({ role: i === 0 ? 'production' : 'test', url: `https://env-${i}.example.com` }));
    window.imanageHelper.mount(box, { environments, version: '7.11.0', imanageUrl: 'https://firm.cloudimanage.com', customerId: '1764' });
    const root = box.shadowRoot;
    // Every step rendered (the widget is aria-busy until the steps after the first are in).
    await new Promise((resolve) => { const wait = () => (root.querySelectorAll('[data-testid=environment-row]').length === count && !root.querySelector('[aria-busy]') ? resolve() : requestAnimationFrame(wait)); wait(); });
    // The reader types into a field on screen: scroll it into view and focus it.
    const input = root.querySelector('[data-testid=environment-url]');
    input.scrollIntoView({ block: 'center' });
    input.focus();
    const uri = () => root.querySelector('[data-testid=redirect-uri]').textContent;
    const times = [];
    for (let i = 0; i < keystrokes; i += 1) {
      const host = `typed-${i}.example.com`;
      const start = performance.now();
      input.value = `https://${host}`;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      if (!uri().includes(host)) {
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (uri().includes(host)) { observer.disconnect(); resolve(); }
          });
          observer.observe(root, { subtree: true, childList: true, characterData: true });
        });
      }
      void document.body.offsetHeight;
      times.push(performance.now() - start);
      // The next keystroke comes at a fast typist's pace: 100 ms after this one started
      // (after the frame is painted, when this one took longer).
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + KEYSTROKE_INTERVAL_MS - performance.now())));
    }
    return times;
  }, { count, keystrokes: KEYSTROKES, KEYSTROKE_INTERVAL_MS });
  (results.latency[count] ??= []).push(...samples);
  (results.latencyTrials[count] ??= []).push(samples);
  await page.close();
}

await browser.close();
await server.close();
console.log(JSON.stringify(results));
