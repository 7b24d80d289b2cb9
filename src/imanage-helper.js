// The one script a page includes, as a classic or a module script, from any origin:
//   <script async src=".../imanage-helper.js"></script>
// It costs the page nothing else until a widget is needed: a <div data-imanage-helper>
// placeholder or an <imanage-helper> element coming within about one screen of the
// viewport, a `data-eager` attribute, or a read of `window.imanageHelper.ready`. Only
// then does it load the widget: the separate files next to itself (or at the URLs in its
// data-glue, data-wasm and data-css attributes), or the one-file bundle
// (imanage-helper.bundle.js, at its data-bundle URL). The bundle is this same script
// with the widget inside it (scripts/bundle.mjs). If anything fails, each placeholder
// keeps its fallback content and says exactly what failed.
// The release build strips comment lines and indentation (scripts/bundle.mjs), so the
// comments here cost no page anything; a comment must be a line of its own.
(function (bundled) {
  'use strict';
  const GLOBAL = 'imanageHelper';
  const STATE = Symbol.for('imanage-helper');
  const PLACEHOLDER = '[data-imanage-helper]';
  const TAG = 'imanage-helper';
  const NOTE = 'data-imanage-helper-error';
  const MOUNTED = 'data-imanage-helper-mounted';
  const own = (object, key) => (object && Object.hasOwn(object, key) ? object[key] : undefined);

  // Included again, or the bundle arriving for a loader that asked for it: the first copy
  // keeps running, and a bundle hands it the widget.
  if (window[STATE]) {
    if (bundled) window[STATE].provide(bundled);
    return;
  }

  // This script's own tag: document.currentScript for a classic script; for a module
  // script (no currentScript, and import.meta would be a syntax error in a classic one)
  // the script whose src is the URL this code runs from. Imported by another module, it
  // has no tag, but its URL is still the base for the other files.
  const ownUrl = /((?:https?|file):\/\/[^\s()@]+?):\d+:\d+/.exec(new Error().stack)?.[1];
  const script = document.currentScript?.src ? document.currentScript : [...document.scripts].find((s) => s.src && s.src === ownUrl);
  const config = own(window, 'imanageHelperConfig');
  const option = (name) => script?.getAttribute(`data-${name}`) ?? own(config, name);
  const base = script?.src || ownUrl || document.baseURI;
  const url = (value, name) => new URL(value || name, base).href;
  const eager = (option('eager') ?? false) !== false;

  const state = { source: bundled, provide: (payload) => { state.source ??= payload; } };
  const handles = new Map();
  const pending = new Set();
  let loading;
  let bindings;
  let sheet;
  let failure;

  // ---- Loading the widget ----

  class LoadError extends Error {}

  // Content-Security-Policy refusals seen so far, by blocked URL, with their directive.
  const refused = new Map();
  addEventListener('securitypolicyviolation', (event) => refused.set(event.blockedURI, event.effectiveDirective));

  // Runs `step` on `what` at `href`; if it fails, says why: the HTTP status, the page's
  // CSP, or CORS. Without CORS headers the page cannot see a status, so a missing file and
  // a refused read look the same: the note names both. A script tag (`script`) needs no
  // CORS, so there only the missing file is named. `given`: a data- attribute or the
  // config named the URL; otherwise the loader looked next to itself, and says so.
  async function attempt(what, href, step, given, script) {
    try {
      return await step();
    } catch (error) {
      if (error instanceof LoadError) throw error;
      const origin = new URL(href).origin;
      let why;
      try {
        const response = await fetch(href);
        why = response.ok ? `could not be used (${error.message})` : `returned HTTP ${response.status}`;
      } catch {
        why = await fetch(href, { mode: 'no-cors' }).then(
          () => (script
            ? `did not load: it is missing or not a script (${origin} sends no CORS headers, so its HTTP status cannot be read here)`
            : `could not be read: it is missing, or ${origin} does not send Access-Control-Allow-Origin for ${location.origin} (CORS)`),
          () => 'could not be fetched (a network error)',
        );
      }
      // Violation events are dispatched in a later task than the refusal itself.
      await new Promise((ok) => setTimeout(ok, 0));
      const directive = [...refused].find(([blocked]) => blocked && href.startsWith(blocked))?.[1];
      if (directive) why = `was refused by the page's Content-Security-Policy (${directive})`;
      throw new LoadError(`${what} at ${href} ${why}${given ? '' : ' (no data- attribute gave its URL, so the loader looked next to itself)'}`);
    }
  }

  // Instantiates the wasm; a CSP without 'wasm-unsafe-eval' is named as such.
  async function start(glue, wasm) {
    try {
      await glue.default({ module_or_path: wasm });
    } catch (error) {
      throw new LoadError(/unsafe-eval|Content.Security/i.test(error.message)
        ? "the page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval')"
        : `the WebAssembly could not start (${error.message})`);
    }
    return glue;
  }

  // A fetched file, or an error that attempt() explains.
  async function get(href) {
    const response = await fetch(href);
    if (!response.ok) throw new Error();
    return response;
  }

  // The widget's styles, given to each shadow root as a constructable stylesheet (which
  // no style-src governs, so no page policy can block it and it needs no inline style).
  function styles(css) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }

  // The separate files, fetched in parallel. A wasm not served as application/wasm (a
  // renamed .txt or .json copy) is compiled from its bytes, with no console warning.
  async function fromFiles() {
    const glue = url(option('glue'), 'imanage-connect.js');
    const wasm = url(option('wasm'), 'imanage-connect_bg.wasm');
    const css = url(option('css'), 'widget.css');
    const [module, bytes, text] = await Promise.all([
      attempt('the JavaScript glue', glue, () => import(glue), option('glue')),
      attempt('the WebAssembly', wasm, () => get(wasm).then((r) => (/^application\/wasm/.test(r.headers.get('content-type')) ? r : r.arrayBuffer())), option('wasm')),
      attempt('the stylesheet', css, () => get(css).then((r) => r.text()), option('css')),
    ]);
    styles(text);
    return start(module, bytes);
  }

  // The bundle's contents: the glue as a function, the wasm gzipped in base64, the CSS.
  async function fromBundle(payload) {
    const packed = Uint8Array.from(atob(payload.wasm), (c) => c.charCodeAt(0));
    const wasm = new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip')), { headers: { 'content-type': 'application/wasm' } });
    styles(payload.css);
    return start(payload.glue(), wasm);
  }

  // The bundle from its URL, as a classic script (no CORS needed); it hands its contents
  // over through state.provide. Under Trusted Types the page must allow the policy.
  function fetchBundle(href, given) {
    let policy;
    try {
      policy = window.trustedTypes?.createPolicy('imanage-helper', { createScriptURL: (u) => u });
    } catch {
      throw new LoadError("the page's Trusted Types policy does not allow the policy 'imanage-helper' (add it to the trusted-types directive)");
    }
    return attempt('the bundle', href, () => new Promise((resolve, reject) => {
      state.provide = resolve;
      const tag = document.createElement('script');
      tag.onerror = () => reject(new Error('it did not load'));
      tag.onload = () => setTimeout(reject, 0, new LoadError(`${href} is not the imanage-helper bundle`));
      tag.src = policy ? policy.createScriptURL(href) : href;
      document.head.append(tag);
    }), given, true);
  }

  function load() {
    if (loading) return loading;
    loading = (async () => {
      const bundle = option('bundle');
      const href = bundle != null && url(bundle, 'imanage-helper.bundle.js');
      bindings = state.source ? await fromBundle(state.source)
        : href ? await fromBundle(await fetchBundle(href, bundle))
          : await fromFiles();
      // Placeholders are mounted once the page is parsed (their fallback complete).
      if (document.readyState === 'loading') await new Promise((ok) => addEventListener('DOMContentLoaded', ok, { once: true }));
      return Object.assign(global, {
        version: bindings.version(),
        mount: (element, options) => adopt(element, bindings.mount(element, options ?? {})),
        mountAll: () => [...document.querySelectorAll(PLACEHOLDER)].filter(mountOne).length,
        analyze: (request) => bindings.analyze(request ?? {}),
      });
    })().catch((error) => {
      throw error instanceof LoadError ? error : new LoadError(`it could not load (${error.message})`);
    });
    loading.catch(fail);
    return loading;
  }

  // ---- Mounting and cleaning up ----

  // Gives a widget its stylesheet, and takes it back when the widget is unmounted. The
  // widget's handle is frozen, so the page gets a frozen handle of the same shape.
  function adopt(element, handle) {
    const shadow = element.shadowRoot;
    shadow.adoptedStyleSheets = [sheet];
    return Object.freeze({ ...handle, unmount: () => { handle.unmount(); shadow.adoptedStyleSheets = []; } });
  }

  function mountOne(element) {
    if (element.hasAttribute(MOUNTED) || element.querySelector(`[${NOTE}]`)) return false;
    try {
      handles.set(element, adopt(element, bindings.mountPlaceholder(element)));
      // A User Timing mark, for the page's own performance monitoring (nothing is sent).
      performance.mark('imanage-helper:mounted');
      return true;
    } catch (error) {
      // mountPlaceholder has put the reason in the element, next to its fallback.
      console.warn(error.message);
      return false;
    }
  }

  function want(element) {
    pending.add(element);
    load().then(() => {
      for (const element of pending) if (element.isConnected) mountOne(element);
      pending.clear();
    }, () => {});
  }

  // Within about one screen of the viewport. The document as the root makes the margin
  // apply in a cross-origin frame too (there the implicit root would ignore it).
  const nearby = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        nearby.unobserve(entry.target);
        want(entry.target);
      }
    }
  }, { root: document, rootMargin: '100% 0px' });

  function track(element) {
    if (failure) note(element, failure);
    else if (eager || element.hasAttribute('data-eager')) want(element);
    else nearby.observe(element);
  }

  // An element taken out of the page: its widget is unmounted and forgotten.
  function release(element) {
    nearby.unobserve(element);
    handles.get(element)?.unmount();
    handles.delete(element);
  }

  function note(element, message) {
    if (element.querySelector(`[${NOTE}]`)) return;
    const p = document.createElement('p');
    p.setAttribute(NOTE, '');
    p.setAttribute('role', 'note');
    p.textContent = `The interactive checker could not start on this page: ${message}. The steps above and below still apply.`;
    element.append(p);
  }

  function fail(error) {
    failure = error.message;
    for (const element of [...pending, ...document.querySelectorAll(`${PLACEHOLDER},${TAG}`)]) note(element, failure);
    pending.clear();
    console.warn('imanage-helper:', failure);
  }

  // ---- The global, the custom element and the observers ----

  // window.imanageHelper: `ready` (a promise for the API, loading the widget when first
  // read), then the API's methods. An element with that id only shadows the name (our own
  // property wins); a value the page put there itself is left alone, and said so.
  if (Object.hasOwn(window, GLOBAL)) {
    fail(new LoadError(`window.${GLOBAL} is already used by this page, so the checker cannot publish its API`));
    addEventListener('DOMContentLoaded', () => fail(new LoadError(failure)));
    return;
  }
  const global = { get ready() { return load(); } };
  window[GLOBAL] = global;
  window[STATE] = state;
  performance.mark('imanage-helper:start');

  if (!customElements.get(TAG)) {
    customElements.define(TAG, class extends HTMLElement {
      connectedCallback() { track(this); }
      // Moved within the page, an element is disconnected and connected again at once.
      disconnectedCallback() { queueMicrotask(() => this.isConnected || release(this)); }
    });
  }

  // Added nodes may be text, which has neither method.
  const scan = (node) => {
    if (node.matches?.(PLACEHOLDER)) track(node);
    node.querySelectorAll?.(PLACEHOLDER).forEach(track);
  };
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(scan);
    for (const element of handles.keys()) {
      if (!element.isConnected && element.localName !== TAG) release(element);
    }
  }).observe(document, { childList: true, subtree: true });
  scan(document.documentElement);
  if (eager) load().catch(() => {});
})(/* bundled payload */ null);
