// The embed code for each mode, built from the contract attributes (demo/configurator.ts).
import type { ContractAttribute } from '../src/embed/protocol.js';
import { declarations, styleRule, type Look } from './look.js';

export const MODES = ['script', 'cms', 'iframe', 'wordpress'] as const;
export type Mode = (typeof MODES)[number];

export type Attributes = Partial<Record<ContractAttribute, string>>;

export interface SnippetInput {
  mode: Mode;
  /** Where dist/ is served, ending in `/`: patient-booking.js, embed.js and embed.html live there. */
  base: string;
  attributes: Attributes;
  /** Accent, font and radius; the iframe mode cannot take them (the page's CSS stops at the frame). */
  look?: Look;
}

/** For a double-quoted attribute value. */
export const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Only the attributes that have a value, in the order given. */
export const present = (attributes: Attributes) =>
  Object.entries(attributes).filter((e): e is [ContractAttribute, string] => !!e[1]?.trim());

/**
 * The WordPress shortcode's names for the contract's attributes (docs/wordpress.md); null: the
 * shortcode has none (its page loads the widget as the plugin's settings say).
 */
const SHORTCODE: Record<ContractAttribute, string | null> = {
  locale: 'locale',
  theme: 'theme',
  'insurance-id': 'insurance_id',
  'appointment-category-id': 'category_id',
  'appointment-type-id': 'type_id',
  mode: 'mode',
  load: null,
  'button-label': null,
  variant: null,
};

const FALLBACK = {
  de: 'Die Online-Terminbuchung wird geladen. Sie erreichen uns auch telefonisch.',
  en: 'Online booking is loading. You can also reach us by phone.',
};

function lines(open: string, attrs: Array<[string, string]>, close: string): string {
  if (attrs.length === 0) return `${open}${close}`;
  const body = attrs.map(([k, v]) => `  ${k}="${escapeAttribute(v.trim())}"`).join('\n');
  return `${open}\n${body}${close}`;
}

/** The modes whose widget is on the host page, so the page's `<style>` reaches it. */
export const takesStyle = (mode: Mode) => mode === 'script' || mode === 'cms';

export function snippet(input: SnippetInput): string {
  const style = input.look && takesStyle(input.mode) ? styleRule(input.look) : '';
  const code = widgetCode(input);
  return style ? `${style}\n${code}` : code;
}

function widgetCode({ mode, base, attributes, look }: SnippetInput): string {
  const attrs = present(attributes);
  switch (mode) {
    case 'script':
      return [
        `<script type="module" src="${escapeAttribute(base)}patient-booking.js"></script>`,
        lines('<patient-booking', attrs, '\n></patient-booking>'),
      ].join('\n');
    case 'cms': {
      const text = attributes.locale === 'en' ? FALLBACK.en : FALLBACK.de;
      const data = attrs.map(([k, v]): [string, string] => [`data-${k}`, v]);
      return [
        lines('<div data-patient-booking', data, `>\n  ${text}\n</div>`),
        `<script src="${escapeAttribute(base)}embed.js" defer></script>`,
      ].join('\n');
    }
    case 'wordpress': {
      const values = attrs.flatMap(([k, v]) => {
        const name = SHORTCODE[k];
        return name ? [` ${name}="${escapeAttribute(v.trim())}"`] : [];
      });
      // The shortcode's only look attribute besides the theme (docs/wordpress.md).
      const accent = look && declarations(look).find(([k]) => k === '--patient-booking-accent');
      if (accent) values.push(` accent="${escapeAttribute(accent[1])}"`);
      return `[patient_booking${values.join('')}]`;
    }
    case 'iframe': {
      const data = attrs.map(([k, v]): [string, string] => [`data-${k}`, v]);
      return [
        lines('<div data-patient-booking-iframe', data, '>\n</div>'),
        `<script src="${escapeAttribute(base)}embed.js" defer></script>`,
      ].join('\n');
    }
  }
}
