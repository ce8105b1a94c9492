// The widget's look as the configurator sets it: accent colour, font and corner radius, as the
// custom properties (and declarations) a host page writes on `patient-booking`
// (src/element/root-styles.ts names them).

/** The widget's own light accent and card radius: left out of the snippet when unchanged. */
export const DEFAULT_ACCENT = '#0b6e69';
export const DEFAULT_RADIUS = '12';

export const FONTS = ['', 'serif', 'host'] as const;
export type Font = (typeof FONTS)[number];

export interface Look {
  /** `#rrggbb`. */
  accent: string;
  /** '': the widget's system font; 'serif'; 'host': the page's own font. */
  font: Font;
  /** Corner radius in CSS pixels. */
  radius: string;
}

export const SERIF = "Georgia, 'Times New Roman', serif";

/** The declarations for `patient-booking { … }`, only those that differ from the widget's. */
export function declarations(look: Look): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (/^#[0-9a-f]{6}$/i.test(look.accent) && look.accent.toLowerCase() !== DEFAULT_ACCENT) {
    out.push(['--patient-booking-accent', look.accent.toLowerCase()]);
  }
  // A page's rule on the element wins over the widget's `:host` rule: the page's font is inherited.
  if (look.font === 'serif') out.push(['--patient-booking-font', SERIF]);
  if (look.font === 'host') out.push(['font-family', 'inherit']);
  const radius = Number(look.radius);
  if (
    look.radius !== '' &&
    Number.isFinite(radius) &&
    radius >= 0 &&
    look.radius !== DEFAULT_RADIUS
  ) {
    out.push(['--patient-booking-radius', `${radius}px`]);
  }
  return out;
}

/** `<style>` with the rule, or '' when the look is the widget's own. */
export function styleRule(look: Look): string {
  const decls = declarations(look);
  if (decls.length === 0) return '';
  const body = decls.map(([k, v]) => `    ${k}: ${v};`).join('\n');
  return `<style>\n  patient-booking {\n${body}\n  }\n</style>`;
}

/** The look as a stylesheet for the elements under `scope` (the live preview). */
export function previewSheet(sheet: CSSStyleSheet, scope: string, look: Look | null): void {
  const decls = look ? declarations(look) : [];
  sheet.replaceSync(
    `${scope} patient-booking { ${decls.map(([k, v]) => `${k}: ${v};`).join(' ')} }`,
  );
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
