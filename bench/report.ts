// The results table and the machine it ran on, as Markdown.
import { cpus, loadavg, totalmem } from 'node:os';

export type Verdict = 'pass' | 'fail' | 'info' | 'pending' | 'error';

export interface Row {
  metric: string;
  measured: string;
  target: string;
  verdict: Verdict;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  load: number;
  node: string;
  chromium: string;
  date: string;
}

export function machine(chromium: string): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    load: Math.round(loadavg()[0]! * 100) / 100,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(rows: Row[]): string {
  const lines = ['| metric | measured | target | pass/fail |', '|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${cell(r.metric)} | ${cell(r.measured)} | ${cell(r.target)} | ${r.verdict} |`);
  }
  return lines.join('\n');
}

export function machineLine(m: Machine): string {
  return (
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; load average ${m.load} at start; ` +
    `Node ${m.node}; Chromium ${m.chromium} (headless); ${m.date}`
  );
}

export const verdict = (ok: boolean): Verdict => (ok ? 'pass' : 'fail');
export const ms = (n: number) => `${Math.round(n)} ms`;
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
