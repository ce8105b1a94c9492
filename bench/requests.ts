// API requests of a complete guest booking against the minimum the API allows, and the requests
// that going back to the insurance step and forward again along the same choices adds.
import type { Page, Request } from 'playwright-core';
import { backToInsurance, chooseUntilDetails, detailsAndBook } from './flow.js';
import { API_PATH, freshPage, type BenchStack } from './stack.js';

export interface ApiCall {
  method: string;
  url: string;
  /** Endpoint with ids replaced: `GET /appointment_types/{id}/availabilities`. */
  endpoint: string;
  page: number;
  /** `meta` of a list answer, when there was one. */
  meta?: { total_count?: number; per_page?: number; has_more?: boolean };
}

/**
 * The least a guest booking can do with this API, and why. Paging comes on top: one more request
 * per 100 items of a list (`per_page` is at most 100).
 */
export const MINIMUM: ReadonlyArray<{ endpoint: string; why: string }> = [
  { endpoint: 'GET /insurances', why: 'the patient picks one' },
  {
    endpoint: 'GET /institutions',
    why: "the clinic's time zone: which day is today there (`from`/`to` are clinic dates) and how times show",
  },
  { endpoint: 'GET /appointment_categories', why: 'the patient picks one (filtered by insurance)' },
  {
    endpoint: 'GET /appointment_types',
    why: 'the patient picks one (filtered by category and insurance)',
  },
  {
    endpoint: 'GET /locations',
    why: 'the place: types and times name locations by id only, and the widget shows where (the type list, the times of a type with several locations, the review and the confirmation with its address)',
  },
  {
    endpoint: 'GET /appointment_types/{id}/availabilities',
    why: 'one window of ≤ 31 days comes whole in one answer',
  },
  { endpoint: 'POST /booking', why: 'the booking itself' },
];

export interface RequestsResult {
  booking: ApiCall[];
  /** `GET config` requests to the backend during the booking visit. */
  configRequests: number;
  /** The same method + URL fetched again within the booking visit. */
  repeated: string[];
  minimum: number;
  /** Pages beyond the first that the lists of the minimum path need (from `total_count`). */
  paging: number;
  /** Requests beyond the minimum set (endpoints outside it, or a second request to one in it). */
  extra: string[];
  backAndForth: { presses: number; newApi: ApiCall[]; newConfig: number };
  problems: string[];
}

function endpointOf(method: string, url: URL): string {
  const path = url.pathname
    .slice(url.pathname.indexOf(API_PATH) + API_PATH.length)
    .replace(/^\/appointment_types\/[^/]+/, '/appointment_types/{id}')
    .replace(/^\/institutions\/[^/]+/, '/institutions/{id}')
    .replace(/^\/appointments\/[^/]+/, '/appointments/{id}');
  return `${method} ${path}`;
}

/** Records the page's requests to `apiBase` (API) and to `configUrl`, with list totals. */
function recordCalls(page: Page, apiBase: string, configUrl: string) {
  const calls: ApiCall[] = [];
  const configs: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    if (url === configUrl) configs.push(request.method());
    if (!url.startsWith(apiBase)) return;
    const parsed = new URL(url);
    const call: ApiCall = {
      method: request.method(),
      url,
      endpoint: endpointOf(request.method(), parsed),
      page: Number(parsed.searchParams.get('page') ?? 1),
    };
    calls.push(call);
    void request
      .response()
      .then((r) => (r && r.request().method() === 'GET' ? r.json() : null))
      .then((json: { meta?: ApiCall['meta'] } | null) => {
        if (json?.meta) call.meta = json.meta;
      })
      .catch(() => undefined);
  });
  return { calls, configs };
}

export async function measureRequests(stack: BenchStack): Promise<RequestsResult> {
  const apiBase = stack.apiBase;
  const configUrl = `${stack.base}config`;
  const problems: string[] = [];

  // 1. A complete guest booking.
  const one = await freshPage(stack.browser);
  const rec = recordCalls(one.page, apiBase, configUrl);
  await one.page.goto(stack.page('/requests.html'));
  await chooseUntilDetails(one.page);
  await detailsAndBook(one.page);
  await one.page.waitForTimeout(300);
  problems.push(...one.problems);
  await one.context.close();

  const seen = new Map<string, number>();
  for (const c of rec.calls)
    seen.set(`${c.method} ${c.url}`, (seen.get(`${c.method} ${c.url}`) ?? 0) + 1);
  const repeated = [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);

  const needed = new Set(MINIMUM.map((m) => m.endpoint));
  const firstPages = rec.calls.filter((c) => needed.has(c.endpoint) && c.page === 1);
  // A list that says `has_more` on its first page needs one request per further 100 items.
  const paging = firstPages.reduce(
    (n, c) =>
      n + (c.meta?.has_more ? Math.max(1, Math.ceil((c.meta.total_count ?? 0) / 100) - 1) : 0),
    0,
  );
  const used = new Set<string>();
  const extra: string[] = [];
  for (const c of rec.calls) {
    if (needed.has(c.endpoint) && !used.has(c.endpoint) && c.page === 1) used.add(c.endpoint);
    else if (!(needed.has(c.endpoint) && c.page > 1))
      extra.push(`${c.method} ${shortUrl(c.url, apiBase)}`);
  }

  // 2. Back and forth: details → back to insurance → the same choices again → details.
  const two = await freshPage(stack.browser);
  const rec2 = recordCalls(two.page, apiBase, configUrl);
  await two.page.goto(stack.page('/back-and-forth.html'));
  await chooseUntilDetails(two.page);
  await two.page.waitForTimeout(500); // let anything the step prefetches finish first
  const mark = { api: rec2.calls.length, config: rec2.configs.length };
  const presses = await backToInsurance(two.page);
  await chooseUntilDetails(two.page);
  await two.page.waitForTimeout(500);
  const backAndForth = {
    presses,
    newApi: rec2.calls.slice(mark.api),
    newConfig: rec2.configs.length - mark.config,
  };
  problems.push(...two.problems);
  await two.context.close();

  return {
    booking: rec.calls,
    configRequests: rec.configs.length,
    repeated,
    minimum: MINIMUM.length,
    paging,
    extra,
    backAndForth,
    problems,
  };
}

export const shortUrl = (url: string, base: string): string =>
  url.startsWith(base) ? url.slice(base.length) : url;
