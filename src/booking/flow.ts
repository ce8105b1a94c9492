/**
 * The booking flow past its first step: the transitions, the time step's window of days, the
 * check of a host page's preselection, the booking itself, and the catalogue's endpoints after
 * the first step's. The main bundle shows the first step without it; this module and the later
 * steps' views (`step-render-later.ts`) make one chunk (`vite.config.ts`), which the root fetches
 * ahead of need (`load-flow.ts`).
 */
import './later-sentences.js';

export { catalogueEndpoints } from '../api/portal-catalogue.js';
export { newIdempotencyKey } from '../api/idempotency.js';
export { fetchPowChallenge } from '../api/pow-challenge.js';
export { BookingProof, bookWithProof } from './booking-proof.js';
export { runBookingEffect } from './booking-effects.js';
export { transition } from './machine.js';
export { validatePreset } from './preset.js';
export { TimeWindow } from './time-window.js';
