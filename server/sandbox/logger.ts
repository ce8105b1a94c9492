/**
 * One line per request: method, path without query, status, duration. Never query strings, bodies,
 * tokens or patient data; path segments that are secrets (interaction uids, video tokens) are masked.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MASKS: [RegExp, string][] = [
  [/^\/video\/[^/]+/, '/video/:token'],
  [/^\/interaction\/[^/]+/, '/interaction/:uid'],
  [/^\/oauth\/authorize\/[^/]+/, '/oauth/authorize/:uid'],
];

export function maskPath(pathname: string): string {
  for (const [pattern, replacement] of MASKS) {
    if (pattern.test(pathname)) return pathname.replace(pattern, replacement);
  }
  return pathname;
}

export type LogLine = (line: string) => void;

export function logRequests(req: IncomingMessage, res: ServerResponse, log: LogLine): void {
  const started = process.hrtime.bigint();
  const path = maskPath((req.url ?? '/').split('?')[0]);
  let done = false;
  const finish = (status: string): void => {
    if (done) return;
    done = true;
    const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
    log(`${req.method ?? '?'} ${path} ${status} ${ms}ms`);
  };
  res.once('finish', () => finish(String(res.statusCode)));
  res.once('close', () => finish('dropped'));
}

/** Errors: the name, where and the stack frames, never the message (it may hold data). */
export function logError(log: LogLine, where: string, err: unknown): void {
  const name = err instanceof Error ? err.name : typeof err;
  const frames =
    err instanceof Error && err.stack ? err.stack.split('\n').slice(1, 5).join('\n') : '';
  log(`error in ${where}: ${name}${frames ? `\n${frames}` : ''}`);
}
