/** Benchmark rows: the budget check, the printed table and bench/results.json. */
import { writeFileSync } from 'node:fs';

export type Unit = 'KB' | 'ms' | 'count' | 'x';

export interface Budget {
  /** Which figure the budget applies to. */
  on: 'value' | 'ratio';
  op: '<=' | '=';
  limit: number;
}

export interface Baseline {
  label: string;
  value: number;
  unit: Unit;
}

export interface Row {
  name: string;
  value: number;
  unit: Unit;
  budget?: Budget;
  /** value / baseline.value, for times. */
  ratio?: number;
  baseline?: Baseline;
  /** What was measured; printed under a FAIL. */
  note: string;
  /** Set by a measurement that must fail whatever the budget says (e.g. an incomplete run). */
  forceFail?: string;
  details?: Record<string, unknown>;
}

export type Verdict = 'PASS' | 'FAIL' | 'INFO';

export interface JudgedRow extends Row {
  result: Verdict;
}

export function judge(row: Row): JudgedRow {
  if (row.forceFail) return { ...row, result: 'FAIL' };
  if (!row.budget) return { ...row, result: 'INFO' };
  const figure = row.budget.on === 'ratio' ? row.ratio : row.value;
  if (figure === undefined || !Number.isFinite(figure)) return { ...row, result: 'FAIL' };
  const ok = row.budget.op === '=' ? figure === row.budget.limit : figure <= row.budget.limit;
  return { ...row, result: ok ? 'PASS' : 'FAIL' };
}

function formatNumber(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'KB':
      return `${value.toFixed(2)} KB`;
    case 'ms':
      return `${value.toFixed(1)} ms`;
    case 'x':
      return `${value.toFixed(2)}`;
    case 'count':
      return String(Math.round(value));
  }
}

function formatBudget(row: Row): string {
  if (!row.budget) return '—';
  const op = row.budget.op === '=' ? '=' : '≤';
  return row.budget.on === 'ratio'
    ? `ratio ${op} ${row.budget.limit.toFixed(2)}`
    : `${op} ${formatNumber(row.budget.limit, row.unit)}`;
}

function formatRatio(row: Row): string {
  if (row.ratio === undefined || !row.baseline) return '—';
  return `${row.ratio.toFixed(2)} (${row.baseline.label} ${formatNumber(row.baseline.value, row.baseline.unit)})`;
}

/** The aligned table, with a one-line note under each FAIL. */
export function formatTable(rows: readonly JudgedRow[]): string {
  const header = ['Measurement', 'Value', 'Budget', 'Ratio (baseline)', 'Result'];
  const cells = rows.map((r) => [
    r.name,
    formatNumber(r.value, r.unit),
    formatBudget(r),
    formatRatio(r),
    r.result,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((text, i) => (i === 1 ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((row, i) => {
    out.push(line(cells[i]!));
    if (row.result === 'FAIL')
      out.push(`    ↳ ${row.forceFail ? `${row.forceFail} ` : ''}${row.note}`);
  });
  return out.join('\n');
}

export interface Environment {
  chromium: string;
  cores: number;
  cpuModel: string;
  node: string;
  platform: string;
}

export function writeResults(
  path: string,
  environment: Environment,
  rows: readonly JudgedRow[],
  durationMs: number,
): void {
  const failed = rows.filter((r) => r.result === 'FAIL').length;
  const json = {
    generatedAt: new Date().toISOString(),
    environment,
    durationMs: Math.round(durationMs),
    failed,
    rows,
  };
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}
