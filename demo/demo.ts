// Demo page wiring: language and theme switches, and a log of the widget's public events.
import { PUBLIC_EVENTS } from '../src/events.js';

const widget = document.querySelector('patient-booking');
const log = document.querySelector('#demo-events-log');
const locale = document.querySelector<HTMLSelectElement>('#demo-locale');
const theme = document.querySelector<HTMLSelectElement>('#demo-theme');
const login = document.querySelector<HTMLSelectElement>('#demo-login');

if (widget && locale) {
  locale.value = widget.getAttribute('locale') ?? document.documentElement.lang ?? 'de';
  locale.addEventListener('change', () => widget.setAttribute('locale', locale.value));
}
if (widget && theme) {
  theme.addEventListener('change', () =>
    theme.value ? widget.setAttribute('theme', theme.value) : widget.removeAttribute('theme'),
  );
}

// Both portal set-ups of the patient login (README, "Patient login"): the clinic's token server
// holds a confidential client's secret and mediates the code exchange; without a token server the
// widget is a public PKCE client, and guests cannot book.
const TOKEN_URL = widget?.getAttribute('token-url') ?? 'http://localhost:4020/token';
if (widget && login) {
  login.addEventListener('change', () => {
    const confidential = login.value === 'confidential';
    widget.setAttribute('client-id', confidential ? 'demo-client' : 'demo-spa');
    if (confidential) widget.setAttribute('token-url', TOKEN_URL);
    else widget.removeAttribute('token-url');
  });
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
