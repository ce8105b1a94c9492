// Wiring shared by the embedding demos (demo/*.html): a log of the widget's public events as the
// host page receives them, a count of CSP violations, and the pages' "add another" buttons.
// No inline script, no innerHTML: the strict CSP demo runs this too.
import { PUBLIC_EVENTS } from '../src/contract/events.js';

const log = document.querySelector<HTMLOListElement>('#event-log');
const cspStatus = document.querySelector<HTMLElement>('#csp-status');

/** `<patient-booking>` or `div#booking`: where the host page heard the event. */
function describe(target: EventTarget | null): string {
  if (!(target instanceof Element)) return 'document';
  const tag = target.tagName.toLowerCase();
  const kind = target.hasAttribute('data-patient-booking-iframe') ? ' (iframe placeholder)' : '';
  return `<${tag}>${target.id ? `#${target.id}` : ''}${kind}`;
}

for (const name of PUBLIC_EVENTS) {
  document.addEventListener(name, (event) => {
    if (!log) return;
    const item = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = name;
    const where = document.createElement('span');
    where.textContent = ` on ${describe(event.target)}`;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify((event as CustomEvent).detail, null, 2);
    item.append(title, where, detail);
    log.prepend(item);
  });
}

let violations = 0;
function showViolations() {
  if (cspStatus) cspStatus.textContent = `CSP violations on this page: ${violations}`;
}
if (cspStatus) {
  showViolations();
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      violations += 1;
      showViolations();
      console.warn('CSP violation', event.violatedDirective, event.blockedURI);
    },
    true,
  );
}

/** "Add another": clones the first widget (or placeholder) with its attributes, empty inside. */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-demo-add]')) {
  const template = document.querySelector(button.dataset.demoAdd ?? '');
  const target = document.querySelector(button.dataset.demoInto ?? '');
  let count = 1;
  button.addEventListener('click', () => {
    if (!template || !target) return;
    const copy = template.cloneNode(false) as Element;
    count += 1;
    copy.id = `${template.id || 'widget'}-${count}`;
    target.append(copy);
  });
}

// The iframe demo runs across two origins: the page on one loopback name, embed.html on the
// other. Runs before embed.js (module scripts and deferred scripts run in document order).
for (const host of document.querySelectorAll('[data-patient-booking-iframe][data-src]')) {
  const src = new URL(host.getAttribute('data-src') ?? '', location.href);
  if (src.origin !== location.origin) continue;
  src.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  host.setAttribute('data-src', src.href);
}

const heightStatus = document.querySelector<HTMLElement>('#iframe-height');
if (heightStatus) {
  new ResizeObserver(() => {
    const frame = document.querySelector('[data-patient-booking-iframe] iframe');
    if (!frame) return;
    const { origin } = new URL((frame as HTMLIFrameElement).src);
    heightStatus.textContent = `The iframe (from ${origin}) is ${Math.round(frame.getBoundingClientRect().height)} px tall.`;
  }).observe(document.querySelector('[data-patient-booking-iframe]') ?? document.body);
}
