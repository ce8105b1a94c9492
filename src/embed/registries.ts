/**
 * The registries as embed.js and embed-frame.js see them: the languages' titles and the public
 * events (`contract/locales.ts`, `contract/events.ts`), written into these standalone scripts by
 * the build (vite.config.ts `define`), since they share no module with the widget nor with each
 * other. Declarations only.
 */
import type { EVENT_REGISTRY } from '../contract/events.js';
import type { FRAME_TITLES, Locale } from '../contract/locales.js';

declare global {
  const __PB_LOCALES__: typeof FRAME_TITLES;
  const __PB_EVENTS__: typeof EVENT_REGISTRY;
  /** The popup button's and the dialog's close button's words (`OPEN_LABELS`, `CLOSE_LABELS`). */
  const __PB_LAUNCHER__: Record<Locale, { open: string; close: string }>;
}

export {};
