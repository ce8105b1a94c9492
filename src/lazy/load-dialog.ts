/**
 * The dialog's chunk (`dialog.ts`) of the popup and floating modes: fetched when the patient
 * points at or focuses the opener, or clicks it; never for an inline widget.
 */
import { once } from './once.js';

export const loadDialog = once(() => import('./dialog.js').then((m) => m.WidgetDialog));
