/** `npm run lint`'s third part: fails when a permission either manifest declares goes unused. */
import { join } from 'node:path';
import { chromeManifest, firefoxManifest } from './store/manifests';
import { type ManifestPermissions, shippedSources, unusedPermissions } from './store/permissions';

const src = join(import.meta.dirname, '..', 'src');
const files = shippedSources(src);
const problems = new Set(
  [chromeManifest(), firefoxManifest()].flatMap((manifest) =>
    unusedPermissions(manifest as ManifestPermissions, files, src),
  ),
);
for (const problem of problems) console.error(problem);
if (problems.size > 0) {
  console.error(`${problems.size} permission(s) declared but unused: stores reject that.`);
  process.exit(1);
}
console.log('Permissions: every one declared is used in src/.');
