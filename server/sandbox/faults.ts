/**
 * Queued faults for matching requests (POST /__sandbox/faults):
 *   { method?, path: "<regex on pathname>", times?: 1, status?, retryAfter?, body?, contentType?, drop?: "before" | "after" }
 * drop "before": socket destroyed, nothing done; drop "after": request performed, socket destroyed
 * instead of the response; status: that status (429 adds Retry-After), nothing done; body: raw text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject, send } from './http-utils.js';

export interface FaultSpec {
  method?: string;
  path: string;
  times: number;
  status?: number;
  retryAfter?: number;
  body?: string;
  contentType?: string;
  drop?: 'before' | 'after';
}

interface Fault extends FaultSpec {
  pattern: RegExp;
  remaining: number;
}

export function parseFaults(input: unknown): FaultSpec[] | string {
  const items = isPlainObject(input) ? input.faults : undefined;
  if (!Array.isArray(items)) return 'expected {"faults": [...]}';
  const result: FaultSpec[] = [];
  for (const [i, item] of items.entries()) {
    if (!isPlainObject(item) || typeof item.path !== 'string')
      return `faults[${i}].path must be a string`;
    try {
      new RegExp(item.path);
    } catch {
      return `faults[${i}].path is not a valid regular expression`;
    }
    const times = item.times ?? 1;
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
      return `faults[${i}].times must be a positive integer`;
    if (item.drop !== undefined && item.drop !== 'before' && item.drop !== 'after')
      return `faults[${i}].drop must be "before" or "after"`;
    const status = item.status;
    if (status !== undefined && (typeof status !== 'number' || status < 100 || status > 599))
      return `faults[${i}].status is invalid`;
    if (item.drop === undefined && status === undefined && item.body === undefined)
      return `faults[${i}] needs status, body or drop`;
    if (item.retryAfter !== undefined && typeof item.retryAfter !== 'number')
      return `faults[${i}].retryAfter must be a number`;
    if (item.body !== undefined && typeof item.body !== 'string')
      return `faults[${i}].body must be a string`;
    result.push({
      path: item.path,
      times,
      ...(typeof item.method === 'string' ? { method: item.method.toUpperCase() } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(typeof item.retryAfter === 'number' ? { retryAfter: item.retryAfter } : {}),
      ...(typeof item.body === 'string' ? { body: item.body } : {}),
      ...(typeof item.contentType === 'string' ? { contentType: item.contentType } : {}),
      ...(item.drop ? { drop: item.drop } : {}),
    });
  }
  return result;
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(specs: FaultSpec[]): void {
    for (const spec of specs)
      this.faults.push({ ...spec, pattern: new RegExp(spec.path), remaining: spec.times });
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map(({ pattern: _p, remaining, ...spec }) => ({
      ...spec,
      times: remaining,
    }));
  }

  /** Takes one use of the first fault matching the request. Preflights only match an explicit OPTIONS. */
  take(method: string, pathname: string): FaultSpec | null {
    const fault = this.faults.find(
      (f) => (f.method ? f.method === method : method !== 'OPTIONS') && f.pattern.test(pathname),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

/**
 * Applies a fault. Returns true when the request is finished (dropped or answered);
 * for drop "after" it arms the response so that the socket dies instead of answering.
 */
export function applyFault(fault: FaultSpec, req: IncomingMessage, res: ServerResponse): boolean {
  if (fault.drop === 'before') {
    req.socket.destroy();
    return true;
  }
  if (fault.drop === 'after') {
    const kill = (): ServerResponse => {
      req.socket.destroy();
      return res;
    };
    res.writeHead = kill as ServerResponse['writeHead'];
    res.write = (() => true) as ServerResponse['write'];
    res.end = kill as ServerResponse['end'];
    return false;
  }
  const status = fault.status ?? 200;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined || status === 429)
    headers['Retry-After'] = String(fault.retryAfter ?? 1);
  if (fault.body !== undefined) {
    send(res, status, fault.body, fault.contentType ?? 'application/json', headers);
  } else {
    const body =
      status === 429
        ? { error: 'rate_limited', message: 'Rate limit exceeded (injected fault)' }
        : { error: 'sandbox_fault', message: `Injected fault: HTTP ${status}` };
    send(
      res,
      status,
      JSON.stringify(body),
      fault.contentType ?? 'application/json; charset=utf-8',
      headers,
    );
  }
  return true;
}
