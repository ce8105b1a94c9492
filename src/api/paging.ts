/** Reading every page of a list endpoint (portal rule: until `has_more` is false). */
import type { Page } from './types.js';

/** Largest page the portal serves; larger values are clamped by it anyway. */
export const PER_PAGE = 100;

/** Guard against a portal that never says "no more": 50 × 100 items is far beyond any real list. */
export const MAX_PAGES = 50;

/**
 * Loads pages 1, 2, … until one says `hasMore: false` or comes back empty, or `maxPages` were
 * read (then the items so far are returned: a long list beats an endless loop or no list).
 */
export async function collectPages<T>(
  loadPage: (page: number) => Promise<Page<T>>,
  maxPages = MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const result = await loadPage(page);
    items.push(...result.items);
    if (!result.hasMore || result.items.length === 0) break;
  }
  return items;
}
