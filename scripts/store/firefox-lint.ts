/**
 * Mozilla's own linter (`web-ext lint`, the checks AMO runs on upload) over the Firefox
 * build. Any error fails; a warning fails unless it is one of the few listed here, each of
 * which the README's "Packaging for the stores" section explains. Notices are shown only.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

export interface JustifiedWarning {
  code: string;
  /** Why AMO's reviewers can accept it (the README says the same). */
  why: string;
  /** True when this occurrence is the one justified, judged from the code at its place. */
  applies: (source: string) => boolean;
}

/**
 * Preact's renderer contains the one place that writes `dangerouslySetInnerHTML.__html` (or
 * clears it) into an element. The extension's code never passes that prop (Biome's
 * `noDangerouslySetInnerHtml` rule refuses it), so the assignment never runs with any value.
 */
const PREACT_INNER_HTML: JustifiedWarning = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  why: "Preact's renderer sets innerHTML only for the dangerouslySetInnerHTML prop, which no code of the extension uses",
  applies: (source) => /\.innerHTML=(?:[\w$]+\.__html|``|''|"")/.test(source),
};

export const JUSTIFIED_WARNINGS: readonly JustifiedWarning[] = [PREACT_INNER_HTML];

/** The code around a message's place (the linter's lines and columns count from 1). */
function sourceAt(message: LintMessage, readBuilt: (file: string) => string): string {
  if (!message.file || !message.line) return '';
  const line = readBuilt(message.file).split('\n')[message.line - 1] ?? '';
  const at = (message.column ?? 1) - 1;
  return line.slice(Math.max(0, at - 16), at + 48);
}

export interface LintJudgement {
  failures: LintMessage[];
  justified: { message: LintMessage; why: string }[];
  notices: LintMessage[];
}

export function judgeLint(
  report: LintReport,
  readBuilt: (file: string) => string,
  justifiedWarnings: readonly JustifiedWarning[] = JUSTIFIED_WARNINGS,
): LintJudgement {
  const justified: LintJudgement['justified'] = [];
  const unjustified = report.warnings.filter((warning) => {
    const reason = justifiedWarnings.find(
      (j) => j.code === warning.code && j.applies(sourceAt(warning, readBuilt)),
    );
    if (reason) justified.push({ message: warning, why: reason.why });
    return !reason;
  });
  return { failures: [...report.errors, ...unjustified], justified, notices: report.notices };
}

/** Runs `web-ext lint` on a built folder and reads its JSON report. */
export function runWebExtLint(dir: string): LintReport {
  const result = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', dir, '--output=json', '--no-config-discovery'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const start = result.stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint gave no report: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout.slice(start)) as LintReport;
}

export function lintFirefoxBuild(dir: string): { report: LintReport; judgement: LintJudgement } {
  const report = runWebExtLint(dir);
  const judgement = judgeLint(report, (file) => readFileSync(join(dir, file), 'utf8'));
  return { report, judgement };
}

function where(message: LintMessage): string {
  if (!message.file) return '';
  return ` (${message.file}${message.line ? `:${message.line}:${message.column ?? 1}` : ''})`;
}

/** Lines to print: the counts, then every message with what became of it. */
export function describeLint({ report, judgement }: ReturnType<typeof lintFirefoxBuild>): string[] {
  const lines = [
    `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${judgement.justified.length} justified), ${report.notices.length} notices.`,
  ];
  for (const failure of judgement.failures)
    lines.push(`  ✕ ${failure.code}: ${failure.message}${where(failure)}`);
  for (const { message, why } of judgement.justified)
    lines.push(`  – ${message.code}${where(message)}: justified, ${why}.`);
  for (const notice of judgement.notices)
    lines.push(`  · ${notice.code}: ${notice.message}${where(notice)}`);
  return lines;
}
