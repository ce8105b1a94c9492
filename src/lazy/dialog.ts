/** The popup and floating modes' dialog chunk (see `load-dialog.ts`). */
export { WidgetDialog } from '../element/widget-dialog.js';
