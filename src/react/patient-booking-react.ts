/**
 * `<PatientBooking>` for React 18 and earlier (React 19 takes `<patient-booking>` as it is, typed
 * by `patient-booking/jsx`): @lit/react's wrapper, which sets the element's properties and turns
 * each public event into an `on…` prop (`booking-confirmed` → `onBookingConfirmed`), from the
 * events' registry. Built to `dist/react.js` (`scripts/build-package.ts`); `react` and
 * `@lit/react` come from the app.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  PUBLIC_EVENTS,
  type PatientBookingEventMap,
  type PatientBookingEventName,
} from '../contract/events.js';
import { PatientBooking as PatientBookingElement } from '../patient-booking.js';

/** `booking-step-change` → `BookingStepChange`. */
type Pascal<S extends string> = S extends `${infer A}-${infer B}`
  ? `${Capitalize<A>}${Pascal<B>}`
  : Capitalize<S>;

export type PatientBookingEventProps = {
  [K in PatientBookingEventName as `on${Pascal<K>}`]: EventName<PatientBookingEventMap[K]>;
};

const pascal = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export const PatientBooking = createComponent({
  tagName: 'patient-booking',
  elementClass: PatientBookingElement,
  react: React,
  events: Object.fromEntries(
    PUBLIC_EVENTS.map((name) => [`on${pascal(name)}`, name]),
  ) as PatientBookingEventProps,
});
