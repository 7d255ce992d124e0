/** `npm test`'s store check of the built folders: package.json's version and every icon. */
import { readFileSync } from 'node:fs';
import { problemsInBuild } from './store/build-check';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const dirs = process.argv.slice(2);
const problems = dirs.flatMap((dir) => problemsInBuild(dir, version));
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(`${dirs.join(', ')}: version ${version}, icons 16, 32, 48 and 128 in place.`);
