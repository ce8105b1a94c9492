/** Reads the built widget from a folder once; each text file is compressed once, when first asked. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { WidgetFile, WidgetFiles } from './widget-files.js';
import { contentType, isHashedName } from './widget-files.js';

/** Below this size compression gains nothing worth a header. */
const MIN_COMPRESS_BYTES = 512;

/**
 * dist/'s entries for the npm package and a CDN (`scripts/build-package.ts`), not the backend's:
 * no page loads them from the backend (the manifest alone is 0.5 MB to compress at start).
 */
const NOT_SERVED = new Set(['cdn', 'types', 'custom-elements.json', 'react.js']);

/** Every servable file below `dir` (skipping unknown types); throws when `dir` is not a folder. */
export function readWidgetFiles(dir: string): WidgetFiles {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const files = new Map<string, WidgetFile>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (folder === dir && NOT_SERVED.has(entry.name)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const path = `/${relative(dir, full).split(sep).join('/')}`;
        const type = contentType(path);
        if (type) files.set(path, widgetFile(path, type, readFileSync(full)));
      }
    }
  };
  walk(dir);
  return files;
}

function widgetFile(path: string, type: string, data: Buffer): WidgetFile {
  const body = new Uint8Array(data);
  const etag = `"${createHash('sha256').update(data).digest('base64url').slice(0, 22)}"`;
  const file: WidgetFile = { body, type, etag, immutable: isHashedName(path) };
  const text = /^(text\/|application\/json|image\/svg)/.test(type);
  if (text && body.byteLength >= MIN_COMPRESS_BYTES) {
    // Compressed on the first request that accepts the encoding, then kept: a start compresses
    // nothing (brotli at its best quality takes ~0.1 s for the largest chunk).
    once(file, 'gzip', () => gzipSync(data, { level: 9 }));
    once(file, 'br', () =>
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
  return file;
}

/** `file[key]` computed by `compress` when first read, then kept. */
function once(file: WidgetFile, key: 'gzip' | 'br', compress: () => Buffer): void {
  let kept: Uint8Array | undefined;
  Object.defineProperty(file, key, {
    enumerable: true,
    get: () => (kept ??= new Uint8Array(compress())),
  });
}
