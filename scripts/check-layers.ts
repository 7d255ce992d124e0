/** `npm run lint`'s second half: fails when an import crosses the layering (see layers.ts). */
import { join } from 'node:path';
import { findLayerViolations } from './layers';

const violations = findLayerViolations(join(import.meta.dirname, '..', 'src'));
for (const v of violations)
  console.error(`${v.file}${v.imports ? ` imports ${v.imports}` : ''}: ${v.message}.`);
if (violations.length > 0) {
  console.error(`${violations.length} import(s) break the layering.`);
  process.exit(1);
}
console.log('Layering: every import goes the right way.');
