/**
 * The signed-in patient's views, loaded on demand (`import('./views/account.js')`) so the guest
 * bundle stays small. Not part of `index.ts`. Import once for the custom element definitions.
 */
import './account-bar.js';
import './appointments-step.js';
import './appointment-detail.js';
import './reschedule-confirm.js';

export type { PbAccountBar, SignInStatus } from './account-bar.js';
export type { PbAppointmentsStep } from './appointments-step.js';
export type { PbAppointmentDetail, DetailBusy } from './appointment-detail.js';
export type { PbRescheduleConfirm } from './reschedule-confirm.js';
export type { AccountView, AppointmentFilter } from './view-events.js';
