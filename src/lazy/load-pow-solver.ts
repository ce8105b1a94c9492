/** The proof of work's solver on the page's own thread (`pow-solver.ts`), where no Worker starts. */
import { once } from './once.js';

export const loadPowSolver = once(() => import('./pow-solver.js'));
