// The snippet configurator: a form → the embed code for the chosen mode, a copy button, and a live
// preview that renders the same configuration with this server's files (the iframe from the other
// loopback origin, so it is cross-origin as on a real site).
import { present, snippet, type Attributes, type Mode, MODES } from './snippets.js';
import type { ContractAttribute } from '../src/embed/protocol.js';

const form = document.querySelector<HTMLFormElement>('#configurator')!;
const code = document.querySelector<HTMLElement>('#snippet')!;
const copy = document.querySelector<HTMLButtonElement>('#copy')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const preview = document.querySelector<HTMLElement>('#preview-area')!;
const previewNote = document.querySelector<HTMLElement>('#preview-note')!;

const FIELDS: ContractAttribute[] = [
  'locale',
  'theme',
  'insurance-id',
  'appointment-category-id',
  'appointment-type-id',
];

function read(): { mode: Mode; base: string; attributes: Attributes } {
  const data = new FormData(form);
  const mode = MODES.find((m) => m === data.get('mode')) ?? 'script';
  let base = String(data.get('base') ?? '').trim() || `${location.origin}/`;
  if (!base.endsWith('/')) base += '/';
  const attributes: Attributes = {};
  for (const name of FIELDS) attributes[name] = String(data.get(name) ?? '');
  return { mode, base, attributes };
}

/** The configuration as DOM, as the snippet would produce it, but with this server's files. */
function renderPreview(mode: Mode, attributes: Attributes): void {
  const attrs = present(attributes);
  let node: HTMLElement;
  // The shortcode renders the element as the script tag does (the plugin enqueues the script).
  if (mode === 'script' || mode === 'wordpress') {
    node = document.createElement('patient-booking');
    for (const [k, v] of attrs) node.setAttribute(k, v.trim());
  } else if (mode === 'cms') {
    node = document.createElement('div');
    node.setAttribute('data-patient-booking', '');
    for (const [k, v] of attrs) node.setAttribute(`data-${k}`, v.trim());
  } else {
    node = document.createElement('div');
    node.setAttribute('data-patient-booking-iframe', '');
    for (const [k, v] of attrs) node.setAttribute(`data-${k}`, v.trim());
  }
  node.id = 'preview-widget';
  preview.replaceChildren(node);
  document.querySelector('#event-log')?.replaceChildren();
  previewNote.textContent =
    mode === 'iframe'
      ? `The preview's embed.html comes from ${location.origin}/pb/.`
      : `The preview uses the files of ${location.origin}/pb/.`;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let shown = '';

function update(immediately = false): void {
  const input = read();
  code.textContent = snippet(input);
  copyStatus.textContent = '';
  const key = JSON.stringify([input.mode, input.attributes]);
  if (key === shown) return;
  clearTimeout(timer);
  const apply = () => {
    shown = key;
    renderPreview(input.mode, input.attributes);
  };
  if (immediately) apply();
  else timer = setTimeout(apply, 500);
}

form.addEventListener('input', () => update());
form.addEventListener('change', () => update());
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update(true);
});

copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    copyStatus.textContent = 'Copied to the clipboard.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});

const base = form.elements.namedItem('base');
if (base instanceof HTMLInputElement && !base.value) base.value = `${location.origin}/`;
update(true);
