// The strict Content-Security-Policy README documents, in one place: the strict demo page and
// embed.html get it from `npm start`, the end-to-end tests from here too.

export interface CspOptions {
  /** What the widget connects to: its backend (`'self'` when the page is on the backend's origin). */
  connect: readonly string[];
  /** Origins of iframes on the page (iframe mode: where embed.html lives). */
  frames?: readonly string[];
  /** Who may frame the page: `'none'` for a host page, the host origins for embed.html. */
  ancestors?: readonly string[];
  /** Extra `script-src` sources, e.g. the CDN that serves patient-booking.js. */
  scripts?: readonly string[];
  /** Where the browser sends violation reports. */
  reportUri?: string;
}

/**
 * `script-src 'self'` and `style-src 'self'` without 'unsafe-inline', Trusted Types required
 * (lit's policy is named `lit-html`; the widget's own, for its proof-of-work worker,
 * `patient-booking`), nothing else allowed by default.
 */
export function strictCsp(options: CspOptions): string {
  const list = (values: readonly string[] | undefined, empty: string) =>
    values && values.length > 0 ? values.join(' ') : empty;
  return [
    "default-src 'none'",
    `script-src 'self'${options.scripts?.length ? ` ${options.scripts.join(' ')}` : ''}`,
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${list(options.connect, "'none'")}`,
    `frame-src ${list(options.frames, "'none'")}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${list(options.ancestors, "'none'")}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html patient-booking',
    ...(options.reportUri ? [`report-uri ${options.reportUri}`] : []),
  ].join('; ');
}
