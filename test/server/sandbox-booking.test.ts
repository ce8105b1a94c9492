import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createAvailabilityCodec } from '../../server/sandbox/availability-ids.js';
import {
  api,
  berlinDate,
  bookings,
  control,
  guestToken,
  patientTokens,
  startTestSandbox,
  type AppointmentJson,
  type AvailabilityJson,
  type DataBody,
  type ErrorBody,
  type ListBody,
  type Sandbox,
} from './support/sandbox.js';

const PATIENT = {
  first_name: 'Max',
  last_name: 'Mustermann',
  email: 'max@example.com',
  born_on: '1990-05-23',
  gender: 'm',
  mobile: '+49 30 23125 777',
  insurance: 'TK',
  accepts_email: true,
};

describe('sandbox booking', () => {
  let sb: Sandbox;
  let guest: string;
  let cursor = 0;
  before(async () => {
    sb = await startTestSandbox();
    guest = await guestToken(sb);
  });
  beforeEach(() => control(sb, 'reset'));
  after(() => sb.close());

  /** A fresh free slot of the type (each call takes a different one). */
  async function slot(type = 198): Promise<AvailabilityJson> {
    const res = await api<ListBody<AvailabilityJson>>(
      sb,
      `/appointment_types/${type}/availabilities?from=${berlinDate(2)}&to=${berlinDate(20)}`,
      { token: guest },
    );
    cursor += 1;
    return res.body.data[cursor % res.body.data.length];
  }

  const book = (
    availability_id: string,
    extra: Record<string, unknown> = {},
    token = guest,
    headers: Record<string, string> = {},
  ) =>
    api<DataBody<AppointmentJson> & Partial<ErrorBody>>(sb, '/booking', {
      token,
      headers,
      body: {
        availability_id,
        patient_data: PATIENT,
        structured_comment: {},
        notify_with: { email: PATIENT.email },
        ...extra,
      },
    });

  it('books as a guest: 201 with the Appointment, no patient, visible to /__sandbox/bookings', async () => {
    const availability = await slot();
    const res = await book(availability.id);
    assert.equal(res.status, 201, res.text);
    const appointment = res.body.data;
    assert.match(appointment.id, /^[A-Za-z0-9]{28}$/);
    assert.equal(appointment.patient_id, undefined);
    assert.equal(appointment.starts_at, availability.starts_at);
    assert.equal(appointment.ends_at, availability.ends_at);
    assert.equal(appointment.status, 'confirmed');
    assert.deepEqual(appointment.appointment_type, { id: 198, name: 'Akutsprechstunde' });
    assert.equal(appointment.appointment_category.id, 53);
    assert.equal(appointment.location?.id, availability.location_id);
    assert.equal(appointment.insurance_id, 136);
    assert.equal(appointment.video_consultation, false);
    assert.equal(appointment.cancelable, true);
    assert.equal(appointment.reschedulable, true);
    assert.equal(appointment.asap_list_subscription, null);
    const data = await bookings(sb);
    assert.equal(data.length, 1);
    assert.equal(data[0].id, appointment.id);
    assert.equal(data[0].guest, true);
    assert.deepEqual(data[0].patient_data, PATIENT);
  });

  it('removes a booked slot from later listings and refuses a second booking with 409', async () => {
    const availability = await slot();
    assert.equal((await book(availability.id)).status, 201);
    const again = await book(availability.id);
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'availability_taken');
    const day = availability.starts_at.slice(0, 10);
    const list = await api<ListBody<AvailabilityJson>>(
      sb,
      `/appointment_types/198/availabilities?from=${day}&to=${day}`,
      { token: guest },
    );
    assert.ok(!list.body.data.some((a) => a.id === availability.id));
  });

  it('refuses a slot in the past with 409', async () => {
    const past = Math.floor((Date.now() - 86_400_000) / 900_000) * 900_000;
    const id = createAvailabilityCodec(sb.config.seed).encode({
      typeId: 198,
      locationId: 21,
      startsAt: past,
    });
    const res = await book(id);
    assert.equal(res.status, 409);
    assert.equal(res.body.error, 'availability_taken');
  });

  it('lets exactly one of 10 concurrent bookings of one slot win', async () => {
    const availability = await slot();
    const results = await Promise.all(Array.from({ length: 10 }, () => book(availability.id)));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    assert.equal((await bookings(sb)).length, 1);
  });

  it("keeps the structured comment (the patient's note) as sent, and refuses one that is no object", async () => {
    const note = { note: 'Ich bringe den Befund vom Hautarzt mit.' };
    const res = await book((await slot()).id, { structured_comment: note });
    assert.equal(res.status, 201, res.text);
    const [stored] = await bookings(sb);
    assert.deepEqual(stored.structured_comment, note);
    const refused = await book((await slot()).id, { structured_comment: 'a string' });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.errors, [
      { field: 'structured_comment', message: 'must be an object' },
    ]);
  });

  it('validates patient data with 422 and errors naming the fields', async () => {
    const availability = await slot(199);
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...PATIENT, email: undefined }, 'patient_data.email', "can't be blank"],
      [{ ...PATIENT, email: 'not-an-email' }, 'patient_data.email', 'is invalid'],
      [{ ...PATIENT, mobile: '' }, 'patient_data.mobile', "can't be blank"],
      [{ ...PATIENT, born_on: '2999-01-01' }, 'patient_data.born_on'],
      [{ ...PATIENT, born_on: '1990-02-30' }, 'patient_data.born_on'],
      [{ ...PATIENT, gender: 'x' }, 'patient_data.gender'],
      [{ ...PATIENT, first_name: undefined, last_name: undefined }, 'patient_data.first_name'],
    ];
    for (const [patient_data, field, message] of cases) {
      const res = await book(availability.id, { patient_data });
      assert.equal(res.status, 422, field);
      const body = res.body as unknown as {
        message: string;
        errors: { field: string; message: string }[];
      };
      assert.ok(body.message);
      const error = body.errors.find((e) => e.field === field);
      assert.ok(error, `${field} in ${JSON.stringify(body.errors)}`);
      if (message) assert.equal(error.message, message);
    }
    const missing = await api(sb, '/booking', { token: guest, body: { patient_data: PATIENT } });
    assert.equal(missing.status, 422);
    assert.equal(missing.body.errors?.[0]?.field, 'availability_id');
    assert.equal((await bookings(sb)).length, 0);
  });

  it('refuses an ASAP opt-in on a type without ASAP and keeps it on one with ASAP', async () => {
    const plain = await book((await slot(198)).id, { asap_list_opt_in: { email: PATIENT.email } });
    assert.equal(plain.status, 422);
    assert.equal(plain.body.error, 'asap_not_enabled');
    const asap = await book((await slot(199)).id, { asap_list_opt_in: { email: PATIENT.email } });
    assert.equal(asap.status, 201, asap.text);
    assert.deepEqual(asap.body.data.asap_list_subscription, { email: PATIENT.email });
  });

  it('ties a patient booking to the patient; a patient token without appointment_write is 403', async () => {
    const user = await patientTokens(sb);
    const res = await book(
      (await slot()).id,
      { patient_data: { first_name: 'Erika' } },
      user.access_token,
    );
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.data.patient_id, sb.patients.demo.id);
    const mine = await api<DataBody<AppointmentJson>>(sb, `/appointments/${res.body.data.id}`, {
      token: user.access_token,
    });
    assert.equal(mine.status, 200);
    const readOnly = await patientTokens(sb, { scope: 'basic appointment_read' });
    const denied = await book((await slot()).id, {}, readOnly.access_token);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error, 'insufficient_scope');
  });

  it('rejects malformed JSON and non-object bodies with 400', async () => {
    const bad = await api(sb, '/booking', { token: guest, body: '{"availability_id": ' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.message);
    const array = await api(sb, '/booking', { token: guest, body: '[1,2]' });
    assert.equal(array.status, 400);
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, once booked', async () => {
      const availability = await slot();
      const headers = { 'Idempotency-Key': 'key-1' };
      const first = await book(availability.id, {}, guest, headers);
      const second = await book(availability.id, {}, guest, headers);
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.equal(second.text, first.text);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.equal((await bookings(sb)).length, 1);
    });

    it('refuses the same key with another body (422 idempotency_key_reused)', async () => {
      const headers = { 'Idempotency-Key': 'key-2' };
      assert.equal((await book((await slot()).id, {}, guest, headers)).status, 201);
      const other = await book((await slot()).id, {}, guest, headers);
      assert.equal(other.status, 422);
      assert.equal(other.body.error, 'idempotency_key_reused');
    });

    it('makes concurrent duplicates wait for the first and books once', async () => {
      const availability = await slot();
      const headers = { 'Idempotency-Key': 'key-3' };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => book(availability.id, {}, guest, headers)),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        [201, 201, 201, 201, 201],
      );
      assert.equal(new Set(results.map((r) => r.text)).size, 1);
      assert.equal((await bookings(sb)).length, 1);
    });

    it('is scoped per client and patient', async () => {
      const availability = await slot();
      const headers = { 'Idempotency-Key': 'key-4' };
      assert.equal((await book(availability.id, {}, guest, headers)).status, 201);
      const user = await patientTokens(sb);
      const res = await book(availability.id, {}, user.access_token, headers);
      assert.equal(res.status, 409, 'not a replay of the guest response');
    });
  });
});
