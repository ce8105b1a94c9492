/**
 * All step views; import once for their side effect (custom element definitions). The widget
 * itself loads them in two parts: the choice view with the root (`patient-booking.ts`), the others
 * with the steps after the first (`step-render-later.ts`).
 */
import './steps/choice-step.js';
import './steps/time-step.js';
import './steps/details-step.js';
import './steps/choice-summary.js';
import './steps/confirmation-step.js';
import './shared/status.js';

export type { PbChoiceStep, ChoiceOption } from './steps/choice-step.js';
export type { PbTimeStep } from './steps/time-step.js';
export type { PbDetailsStep } from './steps/details-step.js';
export type { PbChoiceSummary, ChoiceSummary } from './steps/choice-summary.js';
export type { PbConfirmationStep, ConfirmationSummary } from './steps/confirmation-step.js';
export type { PbStatus } from './shared/status.js';
export type {
  EditStep,
  PatientInput,
  ViewEventDetails,
  ViewEventName,
} from './shared/view-events.js';
