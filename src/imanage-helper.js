// The one script a page includes: <script type="module" async src=".../imanage-helper.js"></script>
// It loads the widget's WebAssembly once (even if the script is included twice), mounts
// every <div data-imanage-helper> placeholder, and exposes the API as window.imanageHelper.
// If WebAssembly cannot run (blocked by the page's Content-Security-Policy, or an old
// browser), each placeholder keeps its fallback content and says why.
const GLOBAL = 'imanageHelper';
// User Timing marks, for the page's own performance monitoring (nothing is sent).
const mark = (name) => globalThis.performance?.mark?.(`imanage-helper:${name}`);

if (!window[GLOBAL]) {
  mark('start');
  const base = new URL('.', import.meta.url);
  const ready = import(new URL('imanage-connect.js', base).href)
    .then(async (bindings) => {
      await bindings.default({ module_or_path: new URL('imanage-connect_bg.wasm', base) });
      bindings.configure(new URL('widget.css', base).href);
      // Included with `async`, this script can run before the page is parsed: the
      // WebAssembly loads at once, the placeholders are mounted when they all exist.
      if (document.readyState === 'loading') {
        await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
      }
      const api = {
        version: bindings.version(),
        mount: (element, options) => bindings.mount(element, options ?? {}),
        mountAll: () => bindings.mountAll(),
        analyze: (request) => bindings.analyze(request ?? {}),
      };
      Object.assign(window[GLOBAL], api);
      api.mountAll();
      mark('mounted');
      return api;
    })
    .catch((error) => {
      for (const placeholder of document.querySelectorAll('[data-imanage-helper]')) {
        if (placeholder.querySelector('[data-imanage-helper-error]')) continue;
        const note = document.createElement('p');
        note.setAttribute('data-imanage-helper-error', '');
        note.setAttribute('role', 'note');
        note.textContent = 'The interactive checker could not start on this page (its WebAssembly could not be loaded). The steps above and below still apply.';
        placeholder.append(note);
      }
      console.warn('iManage setup helper did not start:', error);
      throw error;
    });
  // Until ready, the API is a promise for itself; afterwards its methods are attached.
  window[GLOBAL] = { ready };
  ready.catch(() => {});
}
