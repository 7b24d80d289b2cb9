// The script of frame.html, the page the iframe route frames. It copies the frame URL's
// query options to the placeholder's data- attributes (before imanage-helper.js, which
// follows it, mounts the placeholder), and tells the framing page the page's height
// whenever it changes: postMessage({ type: 'imanage-helper:height', height }). The
// message carries only a number, so it is posted to any origin; the framing page checks
// the sender (docs/embedding.md).
(function () {
  'use strict';
  const OPTIONS = ['environments', 'imanage-url', 'customer-id', 'version', 'support-email', 'show', 'heading-level'];
  const placeholder = document.querySelector('[data-imanage-helper]');
  const query = new URLSearchParams(location.search);
  for (const name of OPTIONS) {
    const value = query.get(name);
    if (value !== null) placeholder.setAttribute(`data-${name}`, value);
  }
  if (window.parent === window) return;
  let reported = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    window.parent.postMessage({ type: 'imanage-helper:height', height }, '*');
  }).observe(document.documentElement);
})();
