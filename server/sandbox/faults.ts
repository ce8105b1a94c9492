/**
 * Queued faults for matching requests (POST /__sandbox/faults):
 *   { method?, path: "<regex on pathname>", times?: 1, status?, retryAfter?, body?, contentType?,
 *     drop?: "before" | "after" | "midway", transform?: { add?: {…}, remove?: ["field", …] } }
 * drop "before": socket destroyed, nothing done; drop "after": request performed, socket destroyed
 * instead of the response; drop "midway": request performed, the response's head and half its body
 * sent, then the socket destroyed (a browser cannot resend that request silently, as it may after
 * "after" on a reused connection); status: that status (429 adds Retry-After), nothing done;
 * body: raw text.
 * transform: request performed, and a 2xx JSON answer rewritten: every object in it (envelope,
 * items, nested objects) gets the `add` members (overriding same-named ones) and loses the `remove`
 * ones. For unknown fields, missing optional fields and hostile values in real data.
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
  drop?: 'before' | 'after' | 'midway';
  transform?: Transform;
}

/** Rewrites a real JSON answer (see the module comment). */
export interface Transform {
  add?: Record<string, unknown>;
  remove?: string[];
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
    if (item.drop !== undefined && !['before', 'after', 'midway'].includes(item.drop as string))
      return `faults[${i}].drop must be "before", "after" or "midway"`;
    const status = item.status;
    if (status !== undefined && (typeof status !== 'number' || status < 100 || status > 599))
      return `faults[${i}].status is invalid`;
    const transform = parseTransform(item.transform);
    if (typeof transform === 'string') return `faults[${i}].transform ${transform}`;
    if (
      item.drop === undefined &&
      status === undefined &&
      item.body === undefined &&
      transform === undefined
    )
      return `faults[${i}] needs status, body, drop or transform`;
    if (transform && (item.drop !== undefined || status !== undefined || item.body !== undefined))
      return `faults[${i}].transform cannot be combined with status, body or drop`;
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
      ...(item.drop ? { drop: item.drop as FaultSpec['drop'] } : {}),
      ...(transform ? { transform } : {}),
    });
  }
  return result;
}

function parseTransform(input: unknown): Transform | undefined | string {
  if (input === undefined) return undefined;
  if (!isPlainObject(input)) return 'must be an object';
  const { add, remove } = input;
  if (add !== undefined && !isPlainObject(add)) return '.add must be an object';
  if (
    remove !== undefined &&
    !(Array.isArray(remove) && remove.every((r) => typeof r === 'string'))
  )
    return '.remove must be a list of field names';
  return {
    ...(add ? { add } : {}),
    ...(remove ? { remove: remove as string[] } : {}),
  };
}

/** Every object in `value` gets `add` and loses `remove` (added values are not walked). */
export function transformJson(value: unknown, t: Transform): unknown {
  if (Array.isArray(value)) return value.map((v) => transformJson(v, t));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (t.remove?.includes(key)) continue;
    out[key] = transformJson(member, t);
  }
  return { ...out, ...structuredClone(t.add ?? {}) };
}

/** Lets the request run and rewrites its answer when that is a 2xx JSON body sent in one piece. */
function armTransform(t: Transform, res: ServerResponse): void {
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    const type = String(res.getHeader('Content-Type') ?? '');
    const ok = res.statusCode >= 200 && res.statusCode < 300 && type.includes('json');
    if (!ok || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk))) return end(chunk);
    try {
      const json = JSON.parse(String(chunk)) as unknown;
      return end(JSON.stringify(transformJson(json, t)));
    } catch {
      return end(chunk);
    }
  }) as ServerResponse['end'];
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
 * for drop "after" it arms the response so that the socket dies instead of answering, and for
 * `transform` so that the answer is rewritten.
 */
export function applyFault(fault: FaultSpec, req: IncomingMessage, res: ServerResponse): boolean {
  if (fault.transform) {
    armTransform(fault.transform, res);
    return false;
  }
  if (fault.drop === 'before') {
    req.socket.destroy();
    return true;
  }
  if (fault.drop === 'midway') {
    const write = res.write.bind(res) as (chunk: Buffer, done: () => void) => boolean;
    res.end = ((chunk?: unknown) => {
      const body =
        typeof chunk === 'string' || Buffer.isBuffer(chunk) ? Buffer.from(chunk) : Buffer.alloc(0);
      res.setHeader('Content-Length', String(Math.max(2, body.length)));
      write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
      return res;
    }) as ServerResponse['end'];
    return false;
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
