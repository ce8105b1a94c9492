/**
 * The contract's attribute names, for the host-page loader. Only these are ever copied from
 * `data-*` attributes: nothing else (no `on…` handler, no `style`) can reach the element.
 */
import type { ContractAttribute } from './protocol.js';

const NAMES: Record<ContractAttribute, true> = {
  'portal-url': true,
  'api-url': true,
  'token-url': true,
  'client-id': true,
  'redirect-url': true,
  locale: true,
  'insurance-id': true,
  'appointment-category-id': true,
  'appointment-type-id': true,
  theme: true,
};

export const CONTRACT_ATTRIBUTES = Object.keys(NAMES) as ContractAttribute[];

/** `data-portal-url` → `portal-url`; null for any other attribute. */
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
