// Trunk's post_build step: writes the loader, imanage-helper.js, minified, widget.css
// without comments, and imanage-helper.bundle.js, the one-file build, next to the
// separate files. The bundle is
// the same loader with the widget inside it: the wasm-bindgen glue turned into a function,
// the wasm gzipped and in base64 (unpacked in the browser by DecompressionStream), and
// widget.css as text for a constructable stylesheet. A classic script, so it runs from any
// origin with no CORS, with or without type="module". Uses Node and the terser package
// that scripts/setup.sh installs; downloads nothing.
//   node scripts/bundle.mjs [dir]     (default: $TRUNK_STAGING_DIR, else dist)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIR = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(ROOT, 'dist'));
const MARKER = '/* bundled payload */ null';
const PAYLOAD = '__IMANAGE_HELPER_PAYLOAD__';

function fail(message) {
  console.error(`bundle.mjs: ${message}`);
  process.exit(1);
}

/**
 * The ES-module glue as the body of a function returning its exports. The glue
 * wasm-bindgen writes for `--target web` has no imports (no JS snippets); its only
 * module-only syntax is `export` and the default wasm URL from import.meta.url, which
 * the loader never uses (it always passes the wasm itself).
 */
export function glueAsFunction(source) {
  if (/^\s*import\s/m.test(source)) fail('the glue imports other modules; the bundle cannot inline them.');
  const exports = [];
  let body = source
    .replace(/^export (?:async )?(function\*?|class|const|let) ([\w$]+)/gm, (whole, kind, name) => {
      exports.push([name, name]);
      return whole.slice('export '.length);
    })
    .replace(/^export \{([^}]*)\};?$/gm, (_, list) => {
      for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
        const [local, exported = local] = item.split(/\s+as\s+/);
        exports.push([exported, local]);
      }
      return '';
    })
    .replace(/^export default ([\w$]+);?$/gm, (_, name) => {
      exports.push(['default', name]);
      return '';
    })
    .replaceAll('import.meta.url', 'document.baseURI');
  if (/^\s*export\s/m.test(body) || /\bimport\.meta\b/.test(body)) fail('the glue has module syntax this script does not know.');
  if (!exports.some(([name]) => name === 'default')) fail('the glue has no default export (its init function).');
  const returned = exports.map(([exported, local]) => `${JSON.stringify(exported)}: ${local}`).join(', ');
  return `function () {\n'use strict';\n${body}\nreturn { ${returned} };\n}`;
}

/**
 * The loader as pages get it, minified by terser (from tests/e2e/node_modules, installed by
 * scripts/setup.sh), so the readable source can explain itself and still fit the loader's
 * 3 KB budget. `payload` replaces the bundled-payload marker: `null` in the loader, the
 * widget itself in the one-file build.
 */
async function minified(source) {
  const { minify } = await import(join(ROOT, 'tests', 'e2e', 'node_modules', 'terser', 'main.js')).catch(() =>
    fail('terser is missing: run scripts/setup.sh (or npm ci in tests/e2e) first.'));
  // An undeclared global stands for the payload while minifying: terser can neither rename
  // nor inline it, so it appears exactly once in the output.
  const { code } = await minify(source.replace(MARKER, PAYLOAD), {
    ecma: 2022,
    compress: { passes: 2 },
    mangle: { reserved: [PAYLOAD] },
    format: { comments: false },
  });
  if (code.split(PAYLOAD).length !== 2) fail(`the minified loader must contain ${PAYLOAD} exactly once.`);
  return code;
}

/**
 * widget.css without its comments and indentation (−0.8 KB gzipped). Nothing else is
 * touched, so no selector or value can change meaning; the stylesheet has no strings or
 * URLs that could hold a comment marker, and the build refuses one that does.
 */
export function compactCss(source) {
  if (/["'](?:[^"'\n]*)\/\*|url\(/.test(source)) fail('widget.css has a string or url() that compactCss cannot safely handle.');
  return `${source.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((line) => line.trim()).filter(Boolean).join('\n')}\n`;
}

async function build() {
  const source = readFileSync(join(ROOT, 'src', 'imanage-helper.js'), 'utf8');
  if (source.split(MARKER).length !== 2) fail(`the loader must contain "${MARKER}" exactly once.`);
  const code = await minified(source);
  const loader = `// imanage-helper.js (docs/embedding.md)\n${code.replace(PAYLOAD, 'null')}\n`;
  writeFileSync(join(DIR, 'imanage-helper.js'), loader);
  const glue = glueAsFunction(readFileSync(join(DIR, 'imanage-connect.js'), 'utf8'));
  const wasm = gzipSync(readFileSync(join(DIR, 'imanage-connect_bg.wasm')), { level: 9 }).toString('base64');
  const css = compactCss(readFileSync(join(DIR, 'widget.css'), 'utf8'));
  writeFileSync(join(DIR, 'widget.css'), css);
  const payload = `{\n  css: ${JSON.stringify(css)},\n  wasm: ${JSON.stringify(wasm)},\n  glue: ${glue}\n}`;
  const bundle = '// imanage-helper.bundle.js: the iManage Cloud setup helper in one classic script (loader, glue,\n'
    + `// WebAssembly and styles; docs/embedding.md).\n${code.replace(PAYLOAD, () => payload)}\n`;
  writeFileSync(join(DIR, 'imanage-helper.bundle.js'), bundle);
  const gz = gzipSync(bundle, { level: 9 }).length;
  console.log(`bundle.mjs: imanage-helper.js ${gzipSync(loader, { level: 9 }).length.toLocaleString('en-GB')} bytes gzipped`);
  console.log(`bundle.mjs: imanage-helper.bundle.js ${bundle.length.toLocaleString('en-GB')} bytes, ${gz.toLocaleString('en-GB')} gzipped`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await build();
