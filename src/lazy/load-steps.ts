/**
 * The steps' chunk (`steps.ts`): the booking flow past the first step (transitions, the time
 * step's window, the preselection check, the booking request) and the later steps' views with
 * their strings. The root fetches it ahead of need: 2 s after the first step's choices show, or
 * on the first pointer in the step. docs/architecture.md has the chunk map.
 */
import { addSentences } from '../booking/public-error.js';
import { once } from './once.js';

export const loadSteps = once(() =>
  import('./steps.js').then((chunk) => (addSentences(chunk.FLOW_ERROR_SENTENCES), chunk)),
);
export type StepsChunk = Awaited<ReturnType<typeof loadSteps>>;
