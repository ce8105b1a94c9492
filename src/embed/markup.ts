/**
 * CMS-safe markup: `<div data-patient-booking data-locale="…">` becomes a `<patient-booking>`
 * inside that div. Its fallback content (e.g. "book by phone") goes once the widget's code has
 * arrived, and stays if that never happens. Later changes to the div's contract `data-*`
 * attributes are mirrored onto the element.
 */
import { contractName, dataAttributes, warnIgnoredEndpoints } from './attributes.js';

export const MARKUP_SELECTOR = '[data-patient-booking]:not(patient-booking)';

const widgets = new WeakMap<Element, HTMLElement>();

/** Creates the element in `host` (once); returns false when `host` was already upgraded. */
export function upgradeMarkup(host: Element): boolean {
  if (widgets.has(host)) return false;
  warnIgnoredEndpoints(host);
  const widget = document.createElement('patient-booking');
  // Attributes first, then insert: the element sets itself up once, with all of them.
  for (const [name, value] of dataAttributes(host)) widget.setAttribute(name, value);
  host.append(widget);
  widgets.set(host, widget);
  void customElements.whenDefined('patient-booking').then(() => {
    for (const node of [...host.childNodes]) if (node !== widget) node.remove();
  });
  return true;
}

/** Copies one changed `data-*` attribute of an upgraded host onto its element. */
export function mirrorAttribute(host: Element, dataAttribute: string): void {
  const widget = widgets.get(host);
  const name = contractName(dataAttribute);
  if (!widget || !name) return;
  const value = host.getAttribute(dataAttribute);
  if (value === null) widget.removeAttribute(name);
  else widget.setAttribute(name, value);
}
