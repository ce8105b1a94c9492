/** The misconfigurations' console lines, fetched when a page has one (`diagnostics.ts`). */
import { once } from './once.js';

export const loadDiagnostics = once(() => import('./diagnostics.js'));
