/**
 * The contract's attribute names, for the host-page loader. Only these are ever copied from
 * `data-*` attributes: nothing else (no `on…` handler, no `style`) can reach the element.
 */
import type { ContractAttribute, IgnoredEndpoint, LaunchAttribute } from './protocol.js';

const NAMES: Record<ContractAttribute, true> = {
  locale: true,
  'insurance-id': true,
  'appointment-category-id': true,
  'appointment-type-id': true,
  theme: true,
  variant: true,
  mode: true,
  load: true,
  'button-label': true,
};

export const CONTRACT_ATTRIBUTES = Object.keys(NAMES) as ContractAttribute[];

const IGNORED: Record<IgnoredEndpoint, true> = {
  backend: true,
  src: true,
  'portal-url': true,
  'api-url': true,
  'token-url': true,
  'client-id': true,
  'redirect-url': true,
};

/**
 * Says in one console line which endpoint-like `data-*` attributes `el` carries: they are never
 * used (the backend is always the folder embed.js came from).
 */
export function warnIgnoredEndpoints(el: Element): void {
  const found = Object.keys(IGNORED).filter((name) => el.hasAttribute(`data-${name}`));
  if (found.length === 0) return;
  const names = found.map((name) => `data-${name}`).join(', ');
  console.warn(`patient-booking: ${names} ignored: the backend is the folder of embed.js`);
}

/** `data-locale` → `locale`; null for any other attribute. */
export function contractName(dataAttribute: string): ContractAttribute | null {
  const name = dataAttribute.startsWith('data-') ? dataAttribute.slice(5) : '';
  return Object.prototype.hasOwnProperty.call(NAMES, name) ? (name as ContractAttribute) : null;
}

/** The contract attributes an element carries as `data-*`, in contract order. */
export function dataAttributes(el: Element): Array<[ContractAttribute, string]> {
  const found: Array<[ContractAttribute, string]> = [];
  for (const name of CONTRACT_ATTRIBUTES) {
    const value = el.getAttribute(`data-${name}`);
    if (value !== null) found.push([name, value]);
  }
  return found;
}

const LAUNCH: Record<LaunchAttribute, true> = { mode: true, load: true, 'button-label': true };

/** Whether `name` says how the widget comes onto the page (the iframe's host does that itself). */
export function isLaunchAttribute(name: string): name is LaunchAttribute {
  return Object.prototype.hasOwnProperty.call(LAUNCH, name);
}
