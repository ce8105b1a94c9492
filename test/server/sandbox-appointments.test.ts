import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  api,
  berlinDate,
  control,
  guestToken,
  patientTokens,
  startTestSandbox,
  type AppointmentJson,
  type AvailabilityJson,
  type DataBody,
  type ListBody,
  type Sandbox,
} from './support/sandbox.js';

const DAY = 86_400_000;

describe('sandbox appointments', () => {
  let sb: Sandbox;
  let token: string;
  before(async () => {
    sb = await startTestSandbox();
    token = (await patientTokens(sb)).access_token;
  });
  beforeEach(() => control(sb, 'reset'));
  after(() => sb.close());

  const upcoming = async (): Promise<AppointmentJson[]> =>
    (await api<ListBody<AppointmentJson>>(sb, '/appointments?status=upcoming', { token })).body
      .data;
  const find = async (predicate: (a: AppointmentJson) => boolean): Promise<AppointmentJson> => {
    const found = (await upcoming()).find(predicate);
    assert.ok(found, 'seed appointment');
    return found;
  };
  const cancelable = () => find((a) => a.cancelable && !a.video_consultation);
  const within24h = () =>
    find((a) => a.status === 'confirmed' && Date.parse(a.starts_at) - Date.now() < DAY);

  it('lists all appointments over pages of 20', async () => {
    const first = await api<ListBody<AppointmentJson>>(sb, '/appointments', { token });
    assert.equal(first.status, 200);
    assert.ok(first.body.meta.total_count >= 25);
    assert.equal(first.body.data.length, 20);
    assert.equal(first.body.meta.has_more, true);
    const second = await api<ListBody<AppointmentJson>>(sb, '/appointments?page=2', { token });
    assert.equal(second.body.meta.page, 2);
    assert.equal(second.body.meta.has_more, false);
    const ids = new Set([...first.body.data, ...second.body.data].map((a) => a.id));
    assert.equal(ids.size, first.body.meta.total_count);
    for (const a of first.body.data) {
      assert.equal(a.patient_id, sb.patients.demo.id);
      assert.match(a.id, /^[A-Za-z0-9]{28}$/);
    }
  });

  it('splits upcoming (ascending, cancelled included) and past (descending)', async () => {
    const up = await upcoming();
    const past = (
      await api<ListBody<AppointmentJson>>(sb, '/appointments?status=past&per_page=100', { token })
    ).body.data;
    const times = (list: AppointmentJson[]) => list.map((a) => Date.parse(a.starts_at));
    assert.deepEqual(
      times(up),
      [...times(up)].sort((a, b) => a - b),
    );
    assert.deepEqual(
      times(past),
      [...times(past)].sort((a, b) => b - a),
    );
    assert.ok(up.every((a) => Date.parse(a.starts_at) >= Date.now() - 60_000));
    assert.ok(past.every((a) => Date.parse(a.starts_at) < Date.now()));
    assert.ok(up.some((a) => a.status === 'cancelled'));
    assert.ok(up.some((a) => a.video_consultation));
    assert.ok(up.some((a) => a.asap_list_subscription !== null));
    assert.ok(
      up.some((a) => !a.cancelable && a.status === 'confirmed'),
      'one within 24 h',
    );
    assert.ok(past.every((a) => !a.cancelable && !a.reschedulable));
    assert.equal((await api(sb, '/appointments?status=soon', { token })).status, 400);
  });

  it('gives an overview', async () => {
    const res = await api<
      DataBody<{
        upcoming_count: number;
        past_count: number;
        next_appointment: AppointmentJson | null;
      }>
    >(sb, '/appointments/overview', { token });
    assert.equal(res.status, 200);
    const up = await upcoming();
    assert.equal(res.body.data.upcoming_count, up.length);
    assert.ok(res.body.data.past_count >= 20);
    assert.equal(res.body.data.next_appointment?.id, up.find((a) => a.status === 'confirmed')?.id);
  });

  it('shows one appointment; unknown and other patients\u2019 ones are 404', async () => {
    const mine = await cancelable();
    const one = await api<DataBody<AppointmentJson>>(sb, `/appointments/${mine.id}`, { token });
    assert.deepEqual(one.body.data, mine);
    assert.equal(
      (await api(sb, '/appointments/doesNotExist000000000000000', { token })).status,
      404,
    );
    const other = await patientTokens(sb, { email: 'other@example.com' });
    const theirs = await api<ListBody<AppointmentJson>>(sb, '/appointments', {
      token: other.access_token,
    });
    assert.ok(theirs.body.data.length > 0);
    assert.ok(theirs.body.data.every((a) => a.patient_id === sb.patients.other.id));
    for (const path of [
      `/appointments/${theirs.body.data[0].id}`,
      `/appointments/${theirs.body.data[0].id}/availabilities`,
    ]) {
      const res = await api(sb, path, { token });
      assert.equal(res.status, 404, path);
    }
    assert.equal(
      (await api(sb, `/appointments/${theirs.body.data[0].id}/cancel`, { token, method: 'POST' }))
        .status,
      404,
    );
  });

  it('refuses guest tokens (before any lookup) and patient tokens without the scope with 403', async () => {
    const guest = await guestToken(sb);
    for (const [method, path] of [
      ['GET', '/appointments'],
      ['GET', '/appointments/overview'],
      ['GET', '/appointments/unknown'],
      ['POST', '/appointments/unknown/cancel'],
      ['GET', '/appointments/unknown/availabilities'],
      ['POST', '/reschedule'],
      ['GET', '/appointments/unknown/asap_availability'],
      ['PUT', '/appointments/unknown/asap_list_subscription'],
      ['DELETE', '/appointments/unknown/asap_list_subscription'],
      ['POST', '/video_consultations_patient_accesses'],
    ]) {
      const res = await api(sb, path, { token: guest, method });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.error, 'insufficient_scope');
      assert.ok(res.body.message);
    }
    const readOnly = (await patientTokens(sb, { scope: 'basic appointment_read' })).access_token;
    assert.equal((await api(sb, '/appointments', { token: readOnly })).status, 200);
    const mine = await cancelable();
    assert.equal(
      (await api(sb, `/appointments/${mine.id}/cancel`, { token: readOnly, method: 'POST' }))
        .status,
      403,
    );
    const profileOnly = (await patientTokens(sb, { scope: 'basic profile_read' })).access_token;
    assert.equal((await api(sb, '/appointments', { token: profileOnly })).status, 403);
    const noBasic = (await patientTokens(sb, { scope: 'appointment_read' })).access_token;
    assert.equal((await api(sb, '/appointments', { token: noBasic })).status, 403);
  });

  it('cancels until 24 h before the start, then 422 not_cancelable', async () => {
    const mine = await cancelable();
    const res = await api<DataBody<{ id: string }>>(sb, `/appointments/${mine.id}/cancel`, {
      token,
      method: 'POST',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data, { id: mine.id });
    const after = await api<DataBody<AppointmentJson>>(sb, `/appointments/${mine.id}`, { token });
    assert.equal(after.body.data.status, 'cancelled');
    assert.equal(after.body.data.cancelable, false);
    const again = await api(sb, `/appointments/${mine.id}/cancel`, { token, method: 'POST' });
    assert.equal(again.status, 422);
    assert.equal(again.body.error, 'not_cancelable');
    const soon = await within24h();
    assert.equal(soon.cancelable, false);
    const late = await api(sb, `/appointments/${soon.id}/cancel`, { token, method: 'POST' });
    assert.equal(late.status, 422);
    assert.equal(late.body.error, 'not_cancelable');
  });

  it('reschedules through the appointment\u2019s own availabilities', async () => {
    const mine = await cancelable();
    const list = await api<ListBody<AvailabilityJson>>(
      sb,
      `/appointments/${mine.id}/availabilities`,
      { token },
    );
    assert.equal(list.status, 200);
    assert.ok(list.body.data.length > 0);
    const first = Date.parse(list.body.data[0].starts_at);
    assert.ok(
      first >= Date.parse(`${berlinDate(1)}T00:00:00Z`) - 2 * 3_600_000,
      'default range starts tomorrow',
    );
    const target = list.body.data.find((a) => Date.parse(a.starts_at) > Date.now() + 2 * DAY);
    assert.ok(target);
    const wrongPatient = await api(sb, '/reschedule', {
      token,
      body: { availability_id: target.id, patient_id: sb.patients.other.id },
    });
    assert.equal(wrongPatient.status, 422);
    assert.equal(wrongPatient.body.errors?.[0]?.field, 'patient_id');
    const res = await api<DataBody<AppointmentJson>>(sb, '/reschedule', {
      token,
      body: {
        availability_id: target.id,
        patient_id: sb.patients.demo.id,
        notify_with: { email: 'patient@example.com' },
      },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.data.id, mine.id);
    assert.equal(res.body.data.starts_at, target.starts_at);
    assert.notEqual(res.body.data.starts_at, mine.starts_at);
    const taken = await api(sb, '/reschedule', {
      token,
      body: { availability_id: target.id, patient_id: sb.patients.demo.id },
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error, 'availability_taken');
    const ranged = await api(
      sb,
      `/appointments/${mine.id}/availabilities?from=${berlinDate(3)}&to=${berlinDate(40)}`,
      { token },
    );
    assert.equal(ranged.status, 400);
    const plain = await api<ListBody<AvailabilityJson>>(
      sb,
      `/appointment_types/${mine.appointment_type.id}/availabilities?from=${berlinDate(2)}&to=${berlinDate(9)}`,
      { token },
    );
    const notNamed = await api(sb, '/reschedule', {
      token,
      body: { availability_id: plain.body.data[0].id, patient_id: sb.patients.demo.id },
    });
    assert.equal(notNamed.status, 422);
  });

  it('refuses to reschedule within 24 h (422 not_reschedulable)', async () => {
    const soon = await within24h();
    const list = await api<ListBody<AvailabilityJson>>(
      sb,
      `/appointments/${soon.id}/availabilities`,
      { token },
    );
    const res = await api(sb, '/reschedule', {
      token,
      body: { availability_id: list.body.data[0].id, patient_id: sb.patients.demo.id },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.error, 'not_reschedulable');
  });

  it('offers an earlier slot (asap_availability) and manages the ASAP subscription', async () => {
    const subscribed = await find((a) => a.asap_list_subscription !== null && a.reschedulable);
    const asap = await api<
      DataBody<{ appointment: AppointmentJson; availability: AvailabilityJson | null }>
    >(sb, `/appointments/${subscribed.id}/asap_availability`, { token });
    assert.equal(asap.status, 200);
    assert.equal(asap.body.data.appointment.id, subscribed.id);
    if (asap.body.data.availability) {
      assert.ok(
        Date.parse(asap.body.data.availability.starts_at) < Date.parse(subscribed.starts_at),
      );
    }
    const off = await api<DataBody<{ id: string }>>(
      sb,
      `/appointments/${subscribed.id}/asap_list_subscription`,
      { token, method: 'DELETE' },
    );
    assert.deepEqual(off.body.data, { id: subscribed.id });
    assert.equal(
      (await api<DataBody<AppointmentJson>>(sb, `/appointments/${subscribed.id}`, { token })).body
        .data.asap_list_subscription,
      null,
    );
    const on = await api<DataBody<{ id: string }>>(
      sb,
      `/appointments/${subscribed.id}/asap_list_subscription`,
      { token, method: 'PUT', body: { asap_list_opt_in: { email: 'erika@example.com' } } },
    );
    assert.equal(on.status, 200);
    assert.deepEqual(
      (await api<DataBody<AppointmentJson>>(sb, `/appointments/${subscribed.id}`, { token })).body
        .data.asap_list_subscription,
      { email: 'erika@example.com' },
    );
    const badEmail = await api(sb, `/appointments/${subscribed.id}/asap_list_subscription`, {
      token,
      method: 'PUT',
      body: { asap_list_opt_in: { email: 'nope' } },
    });
    assert.equal(badEmail.status, 422);
    assert.equal(badEmail.body.errors?.[0]?.field, 'asap_list_opt_in.email');
    const plain = await find((a) => a.appointment_type.id === 201);
    const notEnabled = await api(sb, `/appointments/${plain.id}/asap_list_subscription`, {
      token,
      method: 'PUT',
      body: { asap_list_opt_in: { email: 'erika@example.com' } },
    });
    assert.equal(notEnabled.status, 422);
    assert.equal(notEnabled.body.error, 'asap_not_enabled');
  });

  it('opens video consultations for video appointments only', async () => {
    const video = await find((a) => a.video_consultation && a.status === 'confirmed');
    const res = await api<DataBody<{ url: string; expires_at: string }>>(
      sb,
      '/video_consultations_patient_accesses',
      { token, body: { appointment_id: video.id } },
    );
    assert.equal(res.status, 200, res.text);
    assert.ok(Date.parse(res.body.data.expires_at) > Date.now());
    const page = await fetch(res.body.data.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Video consultation/);
    const plain = await cancelable();
    const refused = await api(sb, '/video_consultations_patient_accesses', {
      token,
      body: { appointment_id: plain.id },
    });
    assert.equal(refused.status, 422);
    assert.equal(
      (
        await api(sb, '/video_consultations_patient_accesses', {
          token,
          body: { appointment_id: 'nope' },
        })
      ).status,
      404,
    );
    assert.equal(
      (await api(sb, '/video_consultations_patient_accesses', { token, body: {} })).status,
      422,
    );
  });
});
