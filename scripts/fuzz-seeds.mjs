// Writes the fuzz seed corpus for one target: every string literal in the native test
// tables, one file each (prefixed with two flag bytes for the `analyze` target).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [corpus, target] = process.argv.slice(2);
mkdirSync(corpus, { recursive: true });
const tests = join(import.meta.dirname, '..', 'tests');
let count = 0;
for (const file of readdirSync(tests).filter((f) => f.endsWith('.rs'))) {
  const source = readFileSync(join(tests, file), 'utf8');
  for (const [, literal] of source.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const text = literal
      .replace(/\\u\{([0-9A-Fa-f]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replaceAll('\\n', '\n')
      .replaceAll('\\t', '\t')
      .replaceAll('\\"', '"')
      .replaceAll('\\\\', '\\');
    let data = Buffer.from(text, 'utf8');
    if (target === 'analyze') data = Buffer.concat([Buffer.from([0x15, 0x00]), data]);
    writeFileSync(join(corpus, createHash('sha1').update(data).digest('hex')), data);
    count += 1;
  }
}
console.log(`    ${count} seeds from the test tables`);
