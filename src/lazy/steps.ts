/** The steps' chunk (see `load.ts`): the booking flow past the first step and the later steps' views. */

export { catalogueEndpoints } from '../api/portal-catalogue.js';
export { newIdempotencyKey } from '../api/idempotency.js';
export { fetchPowChallenge } from '../api/pow-challenge.js';
export { BookingProof, bookWithProof } from '../booking/booking-proof.js';
export { requestBooking } from '../booking/booking-request.js';
export { transition } from '../booking/machine.js';
export { validatePreset } from '../booking/preset.js';
export { TimeWindow } from '../booking/time-window.js';
export { guardLeaving } from '../booking/leave-guard.js';
export { completeFor, renderLaterStep, typeList } from '../steps/booking-steps.js';
export { FLOW_ERROR_SENTENCES } from '../booking/flow-error-sentences.js';
