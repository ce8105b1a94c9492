// The scale bench's figures as a Markdown table row: throughput, p50/p99 per step, upstream
// requests per tenant and minute, guest tokens per tenant, bookings lost and doubled.
import { STEPS } from './scale-visitor.js';
import type { Visit } from './scale-visitor.js';

export interface ScaleRun {
  instances: number;
  kill: boolean;
  seconds: number;
  visits: readonly Visit[];
  /** Requests that reached each tenant's portal (tokens and API). */
  upstream: readonly number[];
  tokens: readonly number[];
  /** Bookings each patient email got at its portal. */
  made: ReadonlyArray<[string, number]>;
  /** Answers Varnish served from its cache. */
  cacheHits: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

const ms = (value: number) => String(Math.round(value));

export const SCALE_HEADER = [
  `| run | visitors | req/s | cache hits | ${STEPS.map((s) => `${s} p50/p99 ms`).join(' | ')} | upstream/tenant/min (max) | tokens/tenant (max) | retried requests | bookings sent again | booked | lost | doubled |`,
  `|---|---|---|---|${STEPS.map(() => '---').join('|')}|---|---|---|---|---|---|---|`,
].join('\n');

export function scaleRow(run: ScaleRun): string {
  const requests = run.visits.reduce((sum, v) => sum + v.requests, 0);
  const steps = STEPS.map((step) => {
    const times = run.visits.flatMap((v) => (v.times[step] === undefined ? [] : [v.times[step]]));
    return `${ms(percentile(times, 50))}/${ms(percentile(times, 99))}`;
  });
  const made = new Map(run.made);
  const lost = run.visits.filter((v) => !v.booked || !made.has(v.email)).length;
  const doubled = run.made.filter(([, count]) => count > 1).length;
  const perMinute = Math.max(...run.upstream) / (run.seconds / 60);
  return [
    '',
    `${run.instances} instances${run.kill ? ', one killed half-way' : ''}`,
    run.visits.length,
    ms(requests / run.seconds),
    run.cacheHits,
    ...steps,
    ms(perMinute),
    Math.max(...run.tokens),
    requests - run.visits.length * STEPS.length,
    run.visits.filter((v) => v.bookingRetried).length,
    run.visits.filter((v) => v.booked).length,
    lost,
    doubled,
    '',
  ]
    .join(' | ')
    .trim();
}
