/**
 * The languages as embed.js and embed-frame.js see them: the registry's titles (`contract/locales.ts`),
 * written into these standalone scripts by the build as `__PB_LOCALES__` (vite.config.ts), since
 * they share no module with the widget nor with each other. Declarations only.
 */
import type { FRAME_TITLES } from '../contract/locales.js';

declare global {
  const __PB_LOCALES__: typeof FRAME_TITLES;
}

export {};
