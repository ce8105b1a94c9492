/**
 * A Web Worker that solves one proof-of-work task (`pow-solve.ts`) off the page's main thread and
 * posts the number back (`null`: none found). Its own small file in the build, loaded by
 * `booking-proof.ts` only when a guest reaches the details step.
 */
import { search, type PowTask } from './pow-solve.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PowTask>) => void) | null;
  postMessage(value: number | null): void;
};

scope.onmessage = ({ data }) => scope.postMessage(search(data, 0, data.maxnumber + 1));
