// The snippet configurator: a form → the embed code for the chosen mode, a copy button, and a live
// preview that renders the same configuration with this server's files (the iframe from the other
// loopback origin, so it is cross-origin as on a real site). The preselection's dropdowns come from
// the backend's catalogue; the look (accent, font, radius) applies to the preview as it changes.
import { fill, listEntries } from './catalogue.js';
import { checkConnection } from './connection-check.js';
import { contrast, FONTS, previewSheet, type Look } from './look.js';
import { present, snippet, type Attributes, type Mode, MODES } from './snippets.js';
import type { ContractAttribute } from '../src/embed/protocol.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>('#configurator');
const code = $('#snippet');
const copy = $<HTMLButtonElement>('#copy');
const copyStatus = $('#copy-status');
const preview = $('#preview-area');
const previewNote = $('#preview-note');
const baseInput = $<HTMLInputElement>('#f-base');
const baseError = $('#base-error');
const insurance = $<HTMLSelectElement>('#f-insurance-id');
const category = $<HTMLSelectElement>('#f-appointment-category-id');
const type = $<HTMLSelectElement>('#f-appointment-type-id');
const catalogueStatus = $('#catalogue-status');
const testButton = $<HTMLButtonElement>('#test-connection');
const connectionStatus = $('#connection-status');
const lookNote = $('#look-note');
const radiusValue = $('#radius-value');

/** Form field name → the element's attribute (the embedding mode's radios are `embedding`). */
const FIELDS: Array<[string, ContractAttribute]> = [
  ['locale', 'locale'],
  ['theme', 'theme'],
  ['variant', 'variant'],
  ['widget-mode', 'mode'],
  ['insurance-id', 'insurance-id'],
  ['appointment-category-id', 'appointment-category-id'],
  ['appointment-type-id', 'appointment-type-id'],
];

/** The backend's address as typed: an http(s) URL ending in `/`, or why not. */
function validBase(value: string): { base: string } | { error: string } {
  const text = value.trim();
  if (!text) return { error: 'Enter the backend’s address, e.g. https://clinic.example/pb/.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: 'This is not a full address: start it with https:// (or http://).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: 'The address must start with https:// (or http://).' };
  }
  if (url.search || url.hash || !url.pathname.endsWith('/')) {
    return {
      error:
        'The address must be a folder ending in /, without ? or #: e.g. https://clinic.example/pb/.',
    };
  }
  return { base: url.href };
}

/** The last valid address: the snippet and the catalogue keep it while the field is wrong. */
let base = `${location.origin}/pb/`;

function checkBase(): boolean {
  const result = validBase(baseInput.value);
  const valid = 'base' in result;
  baseInput.setAttribute('aria-invalid', String(!valid));
  baseError.textContent = valid ? '' : result.error;
  if (valid) base = result.base;
  return valid;
}

function read(): { mode: Mode; base: string; attributes: Attributes; look: Look } {
  const data = new FormData(form);
  const mode = MODES.find((m) => m === data.get('embedding')) ?? 'script';
  const attributes: Attributes = {};
  for (const [field, name] of FIELDS) attributes[name] = String(data.get(field) ?? '');
  const look: Look = {
    accent: String(data.get('accent') ?? ''),
    font: FONTS.find((f) => f === data.get('font')) ?? '',
    radius: String(data.get('radius') ?? ''),
  };
  return { mode, base, attributes, look };
}

/** The configuration as DOM, as the snippet would produce it, but with this server's files. */
function renderPreview(mode: Mode, attributes: Attributes): HTMLElement {
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
  return node;
}

/** The look on the preview, as the snippet's `<style>` puts it on the element (not in iframe mode). */
function showLook(mode: Mode, look: Look): void {
  radiusValue.textContent = look.radius;
  // The snippet's rule, scoped to the preview; none in iframe mode, where the page's CSS stops.
  previewSheet(lookSheet, '#preview-area', mode === 'iframe' ? null : look);
  const ratio = contrast(look.accent, '#ffffff');
  const warning =
    ratio < 4.5
      ? ` White text on this colour has a contrast of ${ratio.toFixed(1)}:1, below the 4.5:1 that WCAG asks: choose a darker colour.`
      : '';
  lookNote.textContent =
    (mode === 'iframe'
      ? 'The iframe mode takes the theme and the frame only: the page’s CSS does not reach into the iframe, so colour, font and corners stay the widget’s.'
      : mode === 'wordpress'
        ? 'The shortcode takes the accent colour (accent="…"); for the font and corners, add the rule patient-booking { … } from the script tag mode to the theme’s Additional CSS.'
        : '') + warning;
}

const lookSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, lookSheet];

let timer: ReturnType<typeof setTimeout> | undefined;
let shown = '';

function update(immediately = false): void {
  checkBase();
  const input = read();
  code.textContent = snippet(input);
  copyStatus.textContent = '';
  showLook(input.mode, input.look);
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

// The catalogue: insurances, then the categories for the insurance, then the category's types.
const loads = new Map<HTMLSelectElement, AbortController>();

async function load(
  select: HTMLSelectElement,
  what: string,
  path: string,
  query: Record<string, string>,
): Promise<void> {
  loads.get(select)?.abort();
  const controller = new AbortController();
  loads.set(select, controller);
  select.setAttribute('aria-busy', 'true');
  try {
    fill(select, await listEntries(base, path, query, controller.signal));
    catalogueStatus.textContent = '';
  } catch (error) {
    if (controller.signal.aborted) return;
    fill(select, []);
    const why = error instanceof Error && /^the /.test(error.message) ? ` (${error.message})` : '';
    catalogueStatus.textContent = `The ${what} could not be loaded from ${base}${why}. Use “Test the connection” to see why.`;
  } finally {
    if (loads.get(select) === controller) select.removeAttribute('aria-busy');
  }
  update();
}

async function loadTypes(): Promise<void> {
  if (!category.value) {
    loads.get(type)?.abort();
    fill(type, []);
    type.disabled = true;
    update();
    return;
  }
  type.disabled = false;
  await load(type, 'appointment types', 'appointment_types', {
    insurance_id: insurance.value,
    appointment_category_id: category.value,
  });
}

async function loadCategories(): Promise<void> {
  await load(category, 'appointment categories', 'appointment_categories', {
    insurance_id: insurance.value,
  });
  await loadTypes();
}

async function loadCatalogue(): Promise<void> {
  await load(insurance, 'insurances', 'insurances', {});
  await loadCategories();
}

let catalogueBase = '';
let baseTimer: ReturnType<typeof setTimeout> | undefined;

form.addEventListener('input', (event) => {
  update();
  if (event.target === baseInput && checkBase() && base !== catalogueBase) {
    clearTimeout(baseTimer);
    baseTimer = setTimeout(() => {
      catalogueBase = base;
      void loadCatalogue();
    }, 600);
  }
});
form.addEventListener('change', (event) => {
  update();
  if (event.target === insurance) void loadCategories();
  if (event.target === category) void loadTypes();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update(true);
});

testButton.addEventListener('click', async () => {
  if (testButton.getAttribute('aria-disabled') === 'true') return;
  if (!checkBase()) {
    connectionStatus.dataset['ok'] = 'false';
    connectionStatus.textContent = `Not tested: ${baseError.textContent}`;
    baseInput.focus();
    return;
  }
  testButton.setAttribute('aria-disabled', 'true');
  connectionStatus.removeAttribute('data-ok');
  connectionStatus.textContent = `Testing ${base} …`;
  const verdict = await checkConnection(base);
  connectionStatus.dataset['ok'] = String(verdict.ok);
  connectionStatus.textContent = verdict.sentence;
  testButton.removeAttribute('aria-disabled');
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

if (!baseInput.value) baseInput.value = base;
type.disabled = true;
update(true);
catalogueBase = base;
void loadCatalogue();
