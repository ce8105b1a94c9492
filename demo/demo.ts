// Demo page wiring: language and theme switches, and a log of the widget's public events.
import { PUBLIC_EVENTS } from '../src/contract/events.js';

const widget = document.querySelector('patient-booking');
const log = document.querySelector('#demo-events-log');
const locale = document.querySelector<HTMLSelectElement>('#demo-locale');
const theme = document.querySelector<HTMLSelectElement>('#demo-theme');

if (widget && locale) {
  locale.value = widget.getAttribute('locale') ?? document.documentElement.lang ?? 'de';
  locale.addEventListener('change', () => widget.setAttribute('locale', locale.value));
}
if (widget && theme) {
  theme.addEventListener('change', () =>
    theme.value ? widget.setAttribute('theme', theme.value) : widget.removeAttribute('theme'),
  );
}

for (const name of PUBLIC_EVENTS) {
  document.addEventListener(name, (event) => {
    if (!log) return;
    const item = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = name;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify((event as CustomEvent).detail, null, 2);
    item.append(title, detail);
    log.prepend(item);
  });
}
