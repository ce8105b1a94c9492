/**
 * The built widget (`dist/`), served at the backend's root so a practice deploys one thing:
 * hashed chunks cached for a year, entry files revalidated by ETag, gzip or brotli when the
 * browser takes them. The files come from the platform (`widget-files-node.ts` reads a folder);
 * this module only answers requests for them.
 */
import type { PlainRequest, Reply } from './exchange.js';

export interface WidgetFile {
  body: Uint8Array;
  gzip?: Uint8Array;
  br?: Uint8Array;
  /** `Content-Type`. */
  type: string;
  /** A strong ETag, quoted. */
  etag: string;
  /** The name carries a content hash: cache for a year, never revalidate. */
  immutable: boolean;
}

/** Files by URL path below the backend's root, e.g. `/patient-booking.js`. */
export type WidgetFiles = ReadonlyMap<string, WidgetFile>;

export interface WidgetFilesOptions {
  /** Origins allowed to frame `embed.html` besides the backend's own. */
  frameAncestors: readonly string[];
}

const YEAR = 'public, max-age=31536000, immutable';
/** Entry files keep their names across releases: the browser asks each time (a 304 is cheap). */
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Per-file headers beyond the common ones: the framing policy and the callback's referrer. */
function extraHeaders(path: string, options: WidgetFilesOptions): Record<string, string> {
  if (path === '/embed.html') {
    const ancestors = ["'self'", ...options.frameAncestors].join(' ');
    return { 'Content-Security-Policy': `frame-ancestors ${ancestors}` };
  }
  if (path === '/callback.html') {
    // The login's code is in this page's URL: it must not leave in a Referer.
    return {
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "frame-ancestors 'none'",
    };
  }
  return {};
}

/**
 * The answer for a `GET`/`HEAD` of a widget file, or `undefined` when `request.path` is none.
 * Scripts and styles are public: any page may load them (`Access-Control-Allow-Origin: *`, which
 * module scripts from another origin need).
 */
export function widgetFileReply(
  files: WidgetFiles,
  request: PlainRequest,
  options: WidgetFilesOptions,
): Reply | undefined {
  const file = files.get(request.path);
  if (!file) return undefined;
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    'Cache-Control': file.immutable ? YEAR : REVALIDATE,
    ETag: file.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Allow-Origin': '*',
    ...extraHeaders(request.path, options),
  };
  const match = request.headers.get('If-None-Match');
  if (match !== null && match.split(',').some((tag) => tag.trim() === file.etag)) {
    return { status: 304, headers, body: null };
  }
  const accepted = request.headers.get('Accept-Encoding') ?? '';
  let body = file.body;
  if (file.br && /\bbr\b/.test(accepted)) {
    body = file.br;
    headers['Content-Encoding'] = 'br';
  } else if (file.gzip && /\bgzip\b/.test(accepted)) {
    body = file.gzip;
    headers['Content-Encoding'] = 'gzip';
  }
  if (request.method === 'HEAD') {
    headers['Content-Length'] = String(body.byteLength);
    return { status: 200, headers, body: null };
  }
  return { status: 200, headers, body };
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
};

/** The `Content-Type` of a file name; `undefined` for a type the widget does not ship. */
export function contentType(name: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/.exec(name)?.[1];
  return ext === undefined ? undefined : TYPES[ext];
}

/** Names with a content hash (`chunks/steps-BiFtHHmE.js`, `assets/x-1a2b3c4d.css`). */
export function isHashedName(path: string): boolean {
  return /^\/(chunks|assets)\//.test(path) && /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);
}
