/** `npm test`'s Firefox lint step: Mozilla's linter over dist-firefox/ (see store/firefox-lint.ts). */
import { describeLint, lintFirefoxBuild } from './store/firefox-lint';

const outcome = lintFirefoxBuild(process.argv[2] ?? 'dist-firefox');
for (const line of describeLint(outcome)) console.log(line);
if (outcome.judgement.failures.length > 0) {
  console.error(
    `${outcome.judgement.failures.length} finding(s) AMO would flag: fix them, or justify a warning in the README and scripts/store/firefox-lint.ts.`,
  );
  process.exit(1);
}
