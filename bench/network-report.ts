// The round-trip figures (bench/network.ts) as result rows, each against its bound with the
// margin, and as the details section of RESULTS.md.
import { MARGIN_RT, MARGIN_WHY, type NetworkResult, type VariantResult } from './network.js';
import { describeMeasured, type Measured } from './round-trips.js';
import { ms, verdict, type Row } from './report.js';

/** First insurance, in round trips, whatever the protocol (TLS not counted: see `tls`). */
export const BOUNDS = { same: 4, preload: 3, cross: 6, typeToTimes: 1 } as const;

const within = (m: Measured, bound: number, extra = 0) => m.roundTrips <= bound + extra + MARGIN_RT;

const rt = (m: Measured) =>
  `${m.roundTrips.toFixed(1)} RT (${ms(m.ms)}); ${m.connections} connection(s), ${m.exchanges} request(s)`;

const runs = (v: VariantResult) =>
  `fastest of ${v.all.length}; median ${v.median.roundTrips.toFixed(1)}; runs ${v.all.map((x) => x.toFixed(1)).join(', ')}`;

const target = (bound: number, extra = 0, note = '') =>
  `≤ ${bound + extra} RT${note} (pass: ≤ ${(bound + extra + MARGIN_RT).toFixed(1)})`;

const step = (v: VariantResult, name: string) => v.steps.find((s) => s.name === name);

/** The steps' rows of one page: type → times against its bound, the booking as measured. */
function stepRows(prefix: string, v: VariantResult, label: string, preflight: boolean): Row[] {
  const rows: Row[] = [];
  const times = step(v, 'type → times');
  if (times)
    rows.push({
      metric: `${prefix} ${label} click on a type → its times shown`,
      measured: rt(times),
      target: target(BOUNDS.typeToTimes),
      verdict: verdict(within(times, BOUNDS.typeToTimes)),
    });
  const book = step(v, '"Book appointment" → confirmation');
  if (book)
    rows.push({
      metric: `${prefix} ${label} click on "Book appointment" → confirmation`,
      measured: rt(book),
      target: preflight
        ? 'measured (a preflight, then the POST)'
        : 'measured (the POST; one origin: no preflight)',
      verdict: 'info',
    });
  return rows;
}

function preloadRow(n: NetworkResult): Row {
  const p = n.preload;
  const file = p.hint.replace(/^.*\//, '');
  return {
    metric: "(b) The widget's first request answered by the preload",
    measured: p.usedByWidget
      ? `yes: the same URL (${file}, Accept: ${p.widgetAccept ?? '?'}), 1 request at the server, none of its own, ${p.warnings.length ? `console: ${p.warnings.join('; ')}` : 'no console warning'}`
      : `no: the widget called ${p.widgetUrl ?? '(nothing seen)'}; ${p.atServer} request(s) at the server; ${p.warnings.join('; ') || 'no console warning'}`,
    target: "the widget's request takes the preload's answer",
    verdict: verdict(p.usedByWidget && p.sameUrl),
  };
}

export function networkRows(n: NetworkResult): Row[] {
  const { same, preload, cross } = n.variants;
  const h2 = n.http2;
  const prefix = `Round trips at ${n.rttMs} ms RTT, cold visit, HTTP/1.1:`;
  const h2Prefix = `Round trips at ${n.rttMs} ms RTT, cold visit, HTTPS + HTTP/2 (one connection; TLS 1.3 adds 1 RT):`;
  return [
    {
      metric: `${prefix} (a) page, widget and API on one origin: navigation → first insurance shown`,
      measured: `${rt(same.first)}; ${runs(same)}`,
      target: target(BOUNDS.same),
      verdict: verdict(within(same.first, BOUNDS.same)),
    },
    ...stepRows(prefix, same, '(a)', false),
    {
      metric: `${prefix} (b) as (a), with the preload hint of docs/embedding.md: navigation → first insurance shown`,
      measured: `${rt(preload.first)}; ${runs(preload)}`,
      target: target(
        BOUNDS.preload,
        0,
        '; not reachable over HTTP/1.1, nor with this build over HTTP/2 (see below)',
      ),
      verdict: verdict(within(preload.first, BOUNDS.preload)),
    },
    preloadRow(n),
    {
      metric: `${prefix} (c) page on one origin, widget and backend on another (\`backend=\`, ALLOWED_ORIGINS): navigation → first insurance shown`,
      measured: `${rt(cross.first)}; ${runs(cross)}`,
      target: target(BOUNDS.cross),
      verdict: verdict(within(cross.first, BOUNDS.cross)),
    },
    ...stepRows(prefix, cross, '(c)', true),
    {
      metric: `${h2Prefix} (a) one origin: first insurance shown`,
      measured: `${rt(h2.same.first)}; ${runs(h2.same)}`,
      target: target(BOUNDS.same, 1, ' (4 + TLS)'),
      verdict: verdict(within(h2.same.first, BOUNDS.same, 1)),
    },
    {
      metric: `${h2Prefix} (b) with the preload hint: first insurance shown`,
      measured: `${rt(h2.preload.first)}; ${runs(h2.preload)}`,
      target: target(BOUNDS.preload, 1, ' (3 + TLS)'),
      verdict: verdict(within(h2.preload.first, BOUNDS.preload, 1)),
    },
  ];
}

/**
 * Where the insurances request went: on a connection already open, or on one opened for it, whose
 * handshake cost a round trip before the request could leave (HTTP/1.1 timelines only).
 */
function insurancesNote(m: Measured): string {
  const request = m.timeline.find((e) => e.kind === 'request' && e.line?.includes('/insurances'));
  if (!request) return '';
  const onIt = m.timeline.filter(
    (e) => e.origin === request.origin && e.connection === request.connection,
  );
  const fresh = onIt[0]?.kind === 'connect' && onIt.find((e) => e.kind === 'request') === request;
  const together = m.timeline.filter(
    (e) => e.kind === 'request' && Math.abs(e.ms - request.ms) < m.ms * 0.02 && e !== request,
  ).length;
  return (
    `The insurances request left at ${request.roundTrips.toFixed(1)} RT ` +
    (fresh
      ? `on a connection opened for it (#${request.connection}): its handshake took a round trip first`
      : `on connection #${request.connection}, already open`) +
    (together ? `; ${together} other request(s) left at the same moment.` : '.')
  );
}

function timeline(title: string, m: Measured): string {
  const note = insurancesNote(m);
  return [`${title}:`, '', '```', describeMeasured(m), '```', ...(note ? ['', note] : [])].join(
    '\n',
  );
}

export function networkDetails(n: NetworkResult): string {
  const { same, preload, cross } = n.variants;
  const all = [
    ['HTTP/1.1', same, BOUNDS.same, 0],
    ['HTTP/1.1', preload, BOUNDS.preload, 0],
    ['HTTP/1.1', cross, BOUNDS.cross, 0],
    ['HTTPS + HTTP/2', n.http2.same, BOUNDS.same, 1],
    ['HTTPS + HTTP/2', n.http2.preload, BOUNDS.preload, 1],
  ] as const;
  const p = n.preload;
  const lines = [
    '### Round trips on a modelled network',
    '',
    `Every origin is behind its own delay proxy (\`bench/delay-proxy.ts\`): ${n.rttMs} ms round-trip time, ` +
      'a new connection pays one round trip (its TCP handshake) before its first byte arrives, every chunk ' +
      'arrives half a round trip after it was sent. Cold visits: a fresh browser context each (empty cache, ' +
      `no open connection), ${n.runs} per page, interleaved, after one warm-up. Time ÷ RTT = round trips ` +
      'that had to follow one another. Pages: (a) `<script type="module" src="/pb/patient-booking.js">` and ' +
      "`<patient-booking>` on the practice's site, which passes `/pb/` to the backend; (b) the same with " +
      `\`${p.hint}\` preloaded (\`<link rel="preload" … as="fetch" crossorigin>\`); (c) the page on its own ` +
      "origin, the script and `backend=` on the backend's (two sites: localhost and 127.0.0.1), the page's " +
      "origin in `ALLOWED_ORIGINS`. HTTP/2: the practice's site over HTTPS + HTTP/2 (`bench/h2-site.ts`), " +
      'TLS 1.3, whose handshake is one more round trip before the first request.',
    '',
    `Pass/fail: measured ≤ bound + ${MARGIN_RT} RT. ${MARGIN_WHY}`,
    '',
    '| page | protocol | first insurance (fastest) | median | runs | connections | requests | bound | pass/fail |',
    '|---|---|---|---|---|---|---|---|---|',
    ...all.map(
      ([protocol, v, bound, tls]) =>
        `| ${v.name} | ${protocol} | ${v.first.roundTrips.toFixed(1)} RT (${ms(v.first.ms)}) | ${v.median.roundTrips.toFixed(1)} RT | ${v.all.map((x) => x.toFixed(1)).join(', ')} | ${v.first.connections} | ${v.first.exchanges} | ≤ ${bound}${tls ? ' + 1 TLS' : ''} | ${verdict(within(v.first, bound, tls))} |`,
    ),
    '',
    'After the first screen, each step timed from its click (fastest run). Before the clock starts: the ' +
      "pointer rests on the insurance list for 2 RTT (the steps' chunk loads at the first pointer on the " +
      'step), the form is filled.',
    '',
    `| step | ${same.name} | ${cross.name} |`,
    '|---|---|---|',
    ...same.steps.map((s, i) => {
      const c = cross.steps[i];
      const cell = (m: Measured | undefined) =>
        m ? `${m.roundTrips.toFixed(1)} RT, ${m.exchanges} request(s)` : '–';
      return `| ${s.name} | ${cell(s)} | ${cell(c)} |`;
    }),
    '',
    timeline(`Fastest visit, ${same.name} (HTTP/1.1)`, same.first),
    '',
    timeline(`Fastest visit, ${preload.name} (HTTP/1.1)`, preload.first),
    '',
    timeline(`Fastest visit, ${cross.name} (HTTP/1.1)`, cross.first),
    '',
    timeline(
      `Fastest visit, ${n.http2.same.name} (encrypted: requests without their lines)`,
      n.http2.same.first,
    ),
    '',
    '#### Does the widget use the preload?',
    '',
    `One visit of page (b) through its delay proxy, watched three ways. The widget called \`fetch\` for ` +
      `\`${p.widgetUrl ?? '(nothing seen)'}\` (Accept: ${p.widgetAccept ?? '–'}); ` +
      `${p.sameUrl ? 'the same URL as the hint' : 'not the URL of the hint'}. The server saw ${p.atServer} ` +
      `request(s) for it. DevTools saw: ${p.requests.map((r) => `${r.initiator} (Accept: ${r.accept}, from ${r.source})`).join('; ') || 'none'}. ` +
      `Console warnings about preloads: ${p.warnings.join('; ') || 'none'}.`,
    '',
    `Probes: a page with the same hint and one \`fetch\` of its URL (run as the page loads, the preload in flight), ` +
      'counted at the server:',
    '',
    '| fetch | requests at the server | the fetch itself | console |',
    '|---|---|---|---|',
    ...p.probes.map(
      (q) => `| \`${q.call}\` | ${q.atServer} | ${q.fetchSource} | ${q.warning ?? '–'} |`,
    ),
  ];
  return lines.join('\n');
}
