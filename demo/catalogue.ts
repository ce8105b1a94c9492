// The practice's catalogue for the configurator's dropdowns, read from the booking backend's own
// API as the widget reads it (GET <backend>api/patient/v1/…, `{data: […], meta: {has_more}}`).

export interface Entry {
  id: string;
  name: string;
}

const PER_PAGE = 100;
/** A catalogue is a few dozen entries; this only stops a backend that never says "no more". */
const MAX_PAGES = 20;

/** Every page of one list endpoint; throws with a sentence for the page when it cannot. */
export async function listEntries(
  base: string,
  path: string,
  query: Record<string, string>,
  signal: AbortSignal,
): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = new URL(`api/patient/v1/${path}`, base);
    for (const [k, v] of Object.entries(query)) if (v) url.searchParams.set(k, v);
    url.searchParams.set('page', String(page));
    url.searchParams.set('per_page', String(PER_PAGE));
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`the backend answered ${response.status}`);
    const body = (await response.json()) as { data?: unknown; meta?: { has_more?: unknown } };
    if (!Array.isArray(body.data)) throw new Error('the answer has no list');
    for (const item of body.data as Array<{ id?: unknown; name?: unknown }>) {
      if (item && (typeof item.id === 'number' || typeof item.id === 'string')) {
        out.push({ id: String(item.id), name: typeof item.name === 'string' ? item.name : '' });
      }
    }
    if (body.meta?.has_more !== true || body.data.length === 0) break;
  }
  return out;
}

/** Replaces a select's options by "(patient chooses)" and the entries; keeps the choice if listed. */
export function fill(select: HTMLSelectElement, entries: Entry[]): void {
  const before = select.value;
  const empty = new Option('(patient chooses)', '');
  const options = entries.map((e) => new Option(e.name ? `${e.name} (${e.id})` : e.id, e.id));
  select.replaceChildren(empty, ...options);
  select.value = entries.some((e) => e.id === before) ? before : '';
}
