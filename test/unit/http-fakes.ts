/**
 * Test doubles at the fetch boundary: a scripted `fetch` that answers with real `Response`s and
 * records every request, and a fake clock whose `sleep` advances it.
 */

export interface Call {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  /** Fake-clock time of the request. */
  at: number;
}

export type Reply =
  Response | Error | ((call: Call, signal: AbortSignal) => Response | Promise<Response>);

export interface FakeFetch {
  fetch: typeof fetch;
  calls: Call[];
}

/** Answers the n-th request with `replies[n]` (the last one repeats). */
export function fakeFetch(replies: Reply[], clock: () => number = Date.now): FakeFetch {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: Call = {
      url: new URL(String(input), location.href),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      credentials: init.credentials,
      at: clock(),
    };
    calls.push(call);
    const signal = init.signal ?? new AbortController().signal;
    if (signal.aborted) throw signal.reason;
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply instanceof Error) throw reply;
    if (reply instanceof Response) return reply.clone();
    return reply(call, signal);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers });
}

/** A request that never answers, like real fetch it rejects when its signal aborts. */
export function hang(_call: Call, signal: AbortSignal): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export interface FakeClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  sleeps: number[];
}

/** `sleep` resolves at once and moves the clock on by `ms`. */
export function fakeClock(start = Date.UTC(2026, 2, 1, 9, 0, 0)): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

/** Settles after pending microtasks and a macrotask. */
export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
