/** The sandbox's mutable data: patients, appointments, bookings made since start/reset. */
import { randomBytes } from 'node:crypto';
import type { Appointment, Patient } from './model.js';
import { createRng } from './prng.js';
import { createSeedAppointments } from './seed/appointments.js';
import { createPatients, findPatientByEmail } from './seed/patients.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface VideoAccess {
  appointmentId: string;
  expiresAt: number;
}

export const slotKey = (typeId: number, locationId: number | null, startsAt: number): string =>
  `${typeId}:${locationId ?? 0}:${startsAt}`;

export class SandboxState {
  patients: Patient[] = [];
  readonly appointments = new Map<string, Appointment>();
  readonly videoAccesses = new Map<string, VideoAccess>();
  private bookingIds: string[] = [];

  constructor(
    readonly seed: string,
    now = Date.now(),
  ) {
    this.reset(now);
  }

  /** Back to the seed data (appointments relative to `now`). */
  reset(now = Date.now()): void {
    const rng = createRng(this.seed);
    this.patients = createPatients(rng);
    this.appointments.clear();
    for (const appointment of createSeedAppointments(rng, this.patients, now)) {
      this.appointments.set(appointment.id, appointment);
    }
    this.bookingIds = [];
    this.videoAccesses.clear();
  }

  patientById(id: string): Patient | undefined {
    return this.patients.find((p) => p.id === id);
  }

  patientByEmail(email: string): Patient | undefined {
    return findPatientByEmail(this.patients, email);
  }

  /** The appointment if it exists and belongs to the patient (another patient's is "not found"). */
  appointmentOf(patientId: string, id: string): Appointment | undefined {
    const appointment = this.appointments.get(id);
    return appointment && appointment.patientId === patientId ? appointment : undefined;
  }

  appointmentsOf(patientId: string): Appointment[] {
    return [...this.appointments.values()].filter((a) => a.patientId === patientId);
  }

  /** Slots occupied by confirmed appointments, as slotKey()s. */
  takenSlots(): Set<string> {
    const taken = new Set<string>();
    for (const a of this.appointments.values()) {
      if (a.status === 'confirmed') taken.add(slotKey(a.typeId, a.locationId, a.startsAt));
    }
    return taken;
  }

  addBooking(appointment: Appointment): void {
    this.appointments.set(appointment.id, appointment);
    this.bookingIds.push(appointment.id);
  }

  /** Appointments created through POST /booking since start or reset (guest ones included). */
  bookings(): Appointment[] {
    return this.bookingIds.flatMap((id) => this.appointments.get(id) ?? []);
  }

  newAppointmentId(): string {
    let id = '';
    do {
      const bytes = randomBytes(28);
      id = Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
    } while (this.appointments.has(id));
    return id;
  }

  newVideoToken(access: VideoAccess): string {
    const token = randomBytes(24).toString('base64url');
    this.videoAccesses.set(token, access);
    return token;
  }
}
