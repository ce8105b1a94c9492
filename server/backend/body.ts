/** Bounded body reading: nothing in this server ever buffers an unbounded stream. */

/**
 * Reads a body stream up to `limit` bytes. Returns `null` (after cancelling the stream) when it is
 * longer. Stream errors (e.g. an abort signal's `TimeoutError`) propagate.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/**
 * The request body, at most `limit` bytes, or `null` when it is larger: judged by `Content-Length`
 * without reading, else by reading at most `limit + 1` bytes (chunked uploads).
 */
export async function readRequestBody(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && !(Number(declared) <= limit)) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  return readLimited(request.body, limit);
}
