/** What the booking flow needs from the portal: the subset of `api/portal.ts` it calls. */
import type { BookingInput, CataloguePortal, FirstAvailable } from '../api/portal.js';

export type FirstAvailableResult = FirstAvailable;
export type BookInput = BookingInput;

export type BookingApi = Pick<
  CataloguePortal,
  | 'insurances'
  | 'institutions'
  | 'locations'
  | 'categories'
  | 'types'
  | 'type'
  | 'availabilities'
  | 'firstAvailable'
  | 'book'
> & {
  /** A booking is near (the details step): a guest's proof of work may start. */
  prepareBooking?(): void;
};
