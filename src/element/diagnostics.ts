/**
 * Misconfigurations, named for the page's author: each gives one `booking-error` whose `setting`
 * names the attribute or the backend setting that is wrong, and one console line that says what
 * was expected. The element finds some itself; the backend's answers reveal the others, whose
 * event the booking flow sends (`misconfigured` in `api/errors.ts`). The naming is a chunk fetched
 * only when a page has a misconfiguration (`diagnose.ts`). The list: docs/diagnostics.md.
 */
import { toLocale } from '../contract/locales.js';
import { loadDiagnostics } from '../lazy/load-diagnostics.js';
import type { Problem } from './problem.js';

/** Names `problem` of `host`, once per set-up (`setUp`: its attributes, JSON). */
export function diagnose(host: HTMLElement, setUp: string, problem: Problem): void {
  loadDiagnostics().then(
    (chunk) => chunk.diagnose(host, setUp, problem),
    () => undefined,
  );
}

/** Reports a `locale`, `theme` or `variant` the widget does not know (it goes on with its default). */
export function checkAppearance(
  report: (problem: Problem) => void,
  locale: string | null,
  theme: string | null,
  variant: string | null,
): void {
  if (locale && !toLocale(locale)) report({ setting: 'locale', value: locale });
  if (theme && !['light', 'dark', 'auto'].includes(theme))
    report({ setting: 'theme', value: theme });
  if (variant && !['card', 'plain'].includes(variant))
    report({ setting: 'variant', value: variant });
}
