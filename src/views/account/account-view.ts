/**
 * The signed-in patient's views and the account bar (until the bar is defined, the root shows a
 * stand-in with the same "Sign in": `account/bar.ts`). Import once for the custom element
 * definitions.
 */
import './account-bar.js';
import './appointments-step.js';
import './appointment-detail.js';
import './reschedule-confirm.js';
// Shared with the booking flow: rescheduling picks a time; the detail waits and fails with these.
import '../steps/time-step.js';
import '../shared/status.js';

export type { PbAccountBar, SignInStatus } from './account-bar.js';
export type { PbAppointmentsStep } from './appointments-step.js';
export type { PbAppointmentDetail, DetailBusy } from './appointment-detail.js';
export type { PbRescheduleConfirm } from './reschedule-confirm.js';
export type { AccountView, AppointmentFilter } from '../shared/view-events.js';
