// Gzipped sizes of the loader (what every page that includes it pays) and of the one-file
// build. Byte counts are deterministic, so these are tests. LOADER_BUDGET_BYTES and
// BUNDLE_BUDGET_BYTES override the budgets, e.g. to show that a test fails when exceeded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './support.mjs';

const gzipped = (name) => gzipSync(readFileSync(join(DIST, name)), { level: 9 }).length;

// At most 3 KB gzipped: the cost of a page with no placeholder (minified by terser:
// 2,661 on 2026-11-30).
const LOADER = Number(process.env.LOADER_BUDGET_BYTES ?? 3_000);
test(`the loader stays within ${LOADER.toLocaleString('en-GB')} gzipped bytes`, () => {
  const size = gzipped('imanage-helper.js');
  console.log(`imanage-helper.js gzipped: ${size.toLocaleString('en-GB')} bytes`);
  assert.ok(size <= LOADER, `imanage-helper.js is ${size} bytes gzipped, over the budget of ${LOADER}`);
});

// The one-file build (measured 311,960 on 2026-11-30, after the view-model slices,
// the notices component, the sentences' addresses and the last paste and diagnosis
// rules; 303,200 before them): the wasm gzipped in base64 costs about 2 % more than the
// separate files.
const BUNDLE = Number(process.env.BUNDLE_BUDGET_BYTES ?? 312_000);
test(`the one-file build stays within ${BUNDLE.toLocaleString('en-GB')} gzipped bytes`, () => {
  const size = gzipped('imanage-helper.bundle.js');
  console.log(`imanage-helper.bundle.js gzipped: ${size.toLocaleString('en-GB')} bytes`);
  assert.ok(size <= BUNDLE, `imanage-helper.bundle.js is ${size} bytes gzipped, over the budget of ${BUNDLE}`);
});
