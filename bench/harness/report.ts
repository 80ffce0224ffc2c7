import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './processes';

/**
 * One line of the table. `better` says which way is good, so the ratio reads the same everywhere: forum divided
 * by reference, and the target bounds it from the good side (≥ for rates, ≤ for times and memory).
 */
export interface Row {
  scenario: string;
  figure: string;
  unit: string;
  forum: number | null;
  reference: number | null;
  better: 'higher' | 'lower';
  /** The bound on forum / reference, or on the forum's own figure when `absolute` (say, idle RSS < 300 MB). */
  target?: number;
  absolute?: boolean;
  /** A figure that is not measured yet, with why. */
  pending?: string;
  /** Anything else worth keeping: percentiles, counts, statuses. */
  details?: Record<string, unknown>;
}

export function ratio(row: Row): number | null {
  return row.forum !== null && row.reference !== null && row.reference !== 0 ? row.forum / row.reference : null;
}

/** Whether the row meets its target; null when it has none or was not measured. */
export function met(row: Row): boolean | null {
  if (row.target === undefined || row.forum === null) return null;
  const value = row.absolute ? row.forum : ratio(row);
  if (value === null) return null;
  return row.better === 'higher' ? value >= row.target : value <= row.target;
}

export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function loadNow(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

function figure(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit ? `${number} ${unit}` : number;
}

function targetText(row: Row): string {
  if (row.target === undefined) return '—';
  const sign = row.better === 'higher' ? '≥' : row.absolute ? '<' : '≤';
  return row.absolute ? `${sign} ${figure(row.target, row.unit)}` : `${sign} ${row.target}×`;
}

export function table(rows: Row[]): string {
  const lines = ['| figure | forum | reference | ratio | target |', '|---|---|---|---|---|'];
  for (const row of rows) {
    if (row.pending) {
      lines.push(`| ${row.figure} | — | — | — | ${row.pending} |`);
      continue;
    }
    const r = ratio(row);
    const verdict = met(row) === null ? '' : met(row) ? ' ✓' : ' ✗';
    lines.push(
      `| ${row.figure} | ${figure(row.forum, row.unit)} | ${figure(row.reference, row.unit)} | ` +
        `${r === null ? '—' : `${r.toFixed(2)}×`} | ${targetText(row)}${verdict} |`,
    );
  }
  return lines.join('\n');
}

export interface Machine {
  date: string;
  commit: string;
  dirty: boolean;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  postgres: string | null;
}

/** The machine and the commit (with whether the tree differs from it), as the run starts. */
export function machine(postgres: string | null): Machine {
  const git = (args: string) => execSync(`git ${args}`, { cwd: ROOT, encoding: 'utf8' }).trim();
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse HEAD'),
    dirty: git('status --porcelain --untracked-files=no') !== '',
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
  };
}

export function writeResults(
  about: Machine,
  options: Record<string, unknown>,
  rows: Row[],
  loads: Record<string, string>,
): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${about.date.slice(0, 19).replace(/:/g, '-')}-${about.commit.slice(0, 8)}.json`);
  const results = rows.map((row) => ({ ...row, ratio: ratio(row), met: met(row) }));
  writeFileSync(file, `${JSON.stringify({ ...about, options, load: loads, results }, null, 2)}\n`);
  return file;
}
