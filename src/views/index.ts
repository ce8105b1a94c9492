/**
 * All step views; import once for their side effect (custom element definitions). The widget
 * itself loads them in two parts: the choice view with the root (`patient-booking.ts`), the others
 * with the steps after the first (`step-render-later.ts`).
 */
import './choice-step.js';
import './time-step.js';
import './details-step.js';
import './review-step.js';
import './confirmation-step.js';
import './status.js';

export type { PbChoiceStep, ChoiceOption } from './choice-step.js';
export type { PbTimeStep } from './time-step.js';
export type { PbDetailsStep } from './details-step.js';
export type { PbReviewStep, ReviewSummary } from './review-step.js';
export type { PbConfirmationStep, ConfirmationSummary } from './confirmation-step.js';
export type { PbStatus } from './status.js';
export type { EditStep, PatientInput, ViewEventDetails, ViewEventName } from './view-events.js';
