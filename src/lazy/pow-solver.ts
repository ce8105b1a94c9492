/** The proof of work's solver for the page's own thread (see `load.ts`). */
export { search } from '../booking/pow-solve.js';
