/** The booking flow's code (`flow.ts`, in the steps' chunk): fetched once; again after a failure. */
import type * as FlowModule from './flow.js';

export type Flow = typeof FlowModule;

let flow: Promise<Flow> | null = null;

export function loadFlow(): Promise<Flow> {
  flow ??= import('./flow.js').catch((error: unknown) => {
    flow = null;
    throw error;
  });
  return flow;
}
