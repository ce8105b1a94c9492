/**
 * The portal's list envelope, `{data, meta}`: apart from the resource decoders (and the one-item
 * envelope, `decode.ts`), so that the first step's endpoints need none of those they do not use.
 */
import type { Page } from './types.js';
import { badResponse, bool, isObject, object, optNumber } from './json.js';
import type { Decoder } from './json.js';

/** `{"data": […], "meta": {has_more, total_count}}` → a page; without `meta` there is no more. */
export function decodeList<T>(json: unknown, decoder: Decoder<T>): Page<T> {
  const envelope = object(json, 'list envelope');
  if (!Array.isArray(envelope.data)) throw badResponse('list envelope without data array');
  const meta = isObject(envelope.meta) ? envelope.meta : {};
  const page: Page<T> = {
    items: envelope.data.map((item: unknown) => decoder(item)),
    hasMore: bool(meta, 'has_more'),
  };
  const total = optNumber(meta, 'total_count');
  if (total !== undefined) page.totalCount = total;
  return page;
}

/** The curried form for `HttpRequestInit.decode`. */
export const list =
  <T>(decoder: Decoder<T>): Decoder<Page<T>> =>
  (json) =>
    decodeList(json, decoder);
