// Shared by the route tests: the snippets of docs/embedding.md exactly as written, the
// release build's files as a platform renames them, and host pages around them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './support.mjs';

const GUIDE = readFileSync(join(ROOT, 'docs', 'embedding.md'), 'utf8');

/** The fenced code block under `<!-- snippet: name -->` in docs/embedding.md, verbatim. */
export function snippet(name) {
  const found = new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(GUIDE);
  if (!found) throw new Error(`docs/embedding.md has no snippet "${name}"`);
  return found[1];
}

/** `text` with each `from` replaced by its `to`; fails when a `from` does not occur. */
export function substitute(text, replacements) {
  let out = text;
  for (const [from, to] of Object.entries(replacements)) {
    if (!out.includes(from)) throw new Error(`the snippet does not contain ${from}`);
    out = out.replaceAll(from, to);
  }
  return out;
}

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', txt: 'text/plain; charset=utf-8' };

/**
 * The release build's files uploaded to a Zendesk-like asset host: each renamed to the
 * SHA-1 of its content under /theme_assets/123456/, keeping its extension (the wasm as
 * a .txt copy: .wasm is not accepted). Returns { pages, urlOf(name) } for serve().
 */
export function themeAssets(names, headers = {}) {
  const pages = {};
  const paths = {};
  for (const name of names) {
    const source = name.replace(/\.txt$/, '');
    const body = readFileSync(join(DIST, source));
    const ext = name.split('.').pop();
    const path = `/theme_assets/123456/${createHash('sha1').update(body).digest('hex')}.${ext}`;
    pages[path] = { body, headers: { 'content-type': TYPES[ext], ...headers } };
    paths[name] = path;
  }
  return { pages, pathOf: (name) => paths[name] };
}

/** Replaces each `{{asset 'name'}}` in a theme snippet with that asset's URL. */
export function fillAssets(text, origin, assets) {
  return text.replace(/\{\{asset '([^']+)'\}\}/g, (_, name) => {
    const path = assets.pathOf(name);
    if (!path) throw new Error(`no asset ${name}`);
    return origin + path;
  });
}

/** A host page: `head` in its head, `body` in its main. */
export function hostPage({ head = '', body = '', title = 'Knowledge base' }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
${head}
</head><body><main><h1>${title}</h1>
${body}
</main></body></html>`;
}

/** Records securitypolicyviolation events from the start of the page's life. */
export async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
}

/** Waits until a widget (any part) has mounted and rendered all of its steps. */
export async function mounted(page) {
  await page.locator('[data-testid=widget]').first().waitFor();
  await page.locator('[data-testid=widget][aria-busy]').first().waitFor({ state: 'detached' });
}

/** Whether the widget's stylesheet applies: its section has its solid border. */
export function styled(page) {
  return page.locator('[data-testid=widget]').first().evaluate((el) => getComputedStyle(el).borderTopStyle === 'solid');
}
