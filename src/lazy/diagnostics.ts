/** Naming a misconfiguration (`element/diagnose.ts`): a chunk of its own. */
export { diagnose } from '../element/diagnose.js';
