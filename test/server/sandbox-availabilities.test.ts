import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  api,
  berlinDate,
  guestToken,
  startTestSandbox,
  type AvailabilityJson,
  type ListBody,
  type Sandbox,
} from './support/sandbox.js';

const FAR_TYPE = 200;
const DENSE_TYPE = 202;
const VIDEO_TYPE_WITHOUT_LOCATION = 204;

describe('sandbox availabilities', () => {
  let sb: Sandbox;
  let token: string;
  before(async () => {
    sb = await startTestSandbox();
    token = await guestToken(sb);
  });
  after(() => sb.close());

  const slots = (type: number, from: string, to: string, extra = '') =>
    api<ListBody<AvailabilityJson>>(
      sb,
      `/appointment_types/${type}/availabilities?from=${from}&to=${to}${extra}`,
      { token },
    );

  it('lists free slots of a type, ascending, inside the range, in one response', async () => {
    const res = await slots(
      198,
      berlinDate(1),
      berlinDate(14),
      '&appointment_category_id=53&insurance_id=136',
    );
    assert.equal(res.status, 200);
    const { data, meta } = res.body;
    assert.ok(data.length > 20);
    assert.equal(meta.has_more, false);
    assert.equal(meta.total_count, data.length);
    const times = data.map((a) => Date.parse(a.starts_at));
    assert.deepEqual(
      [...times].sort((a, b) => a - b),
      times,
    );
    assert.ok(times[0] >= Date.parse(`${berlinDate(1)}T00:00:00+02:00`) - 3_600_000);
    for (const slot of data) {
      assert.match(slot.starts_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      assert.equal(Date.parse(slot.ends_at) - Date.parse(slot.starts_at), 15 * 60_000);
      assert.ok([21, 22].includes(slot.location_id ?? 0));
      assert.ok(slot.id.length > 20);
    }
    assert.ok(
      data.every((a) => a.id.endsWith('=')),
      'ids are padded base64',
    );
    assert.ok(
      data.some((a) => a.id.includes('+')) && data.some((a) => a.id.includes('/')),
      'ids use + and /',
    );
    assert.equal(new Set(data.map((a) => a.id)).size, data.length);
  });

  it('accepts a 31-day span and rejects bad ranges with 400 naming the field', async () => {
    assert.equal((await slots(198, berlinDate(0), berlinDate(31))).status, 200);
    const cases: [string, string][] = [
      [`to=${berlinDate(3)}`, 'from'],
      [`from=${berlinDate(3)}`, 'to'],
      [`from=2025-02-30&to=${berlinDate(3)}`, 'from'],
      [`from=tomorrow&to=${berlinDate(3)}`, 'from'],
      [`from=${berlinDate(1)}&to=31.12.2030`, 'to'],
      [`from=${berlinDate(5)}&to=${berlinDate(4)}`, 'to'],
      [`from=${berlinDate(0)}&to=${berlinDate(32)}`, 'to'],
    ];
    for (const [query, field] of cases) {
      const res = await api(sb, `/appointment_types/198/availabilities?${query}`, { token });
      assert.equal(res.status, 400, query);
      assert.equal(res.body.errors?.[0]?.field, field, query);
      assert.ok(res.body.message);
    }
  });

  it('has a busy type whose first free slot is more than 31 days away', async () => {
    const near = await slots(FAR_TYPE, berlinDate(0), berlinDate(31));
    assert.deepEqual(near.body.data, []);
    const later = await slots(FAR_TYPE, berlinDate(31), berlinDate(62));
    assert.ok(later.body.data.length > 0);
  });

  it('has a dense type with at least 2,000 slots in 31 days', async () => {
    const res = await slots(DENSE_TYPE, berlinDate(0), berlinDate(31));
    assert.ok(res.body.data.length >= 2000, String(res.body.data.length));
    assert.equal(new Set(res.body.data.map((a) => a.location_id)).size, 3);
  });

  it('leaves out location_id for a video type without location and offers nothing beyond 60 days', async () => {
    const res = await slots(VIDEO_TYPE_WITHOUT_LOCATION, berlinDate(1), berlinDate(7));
    assert.ok(res.body.data.length > 0);
    assert.ok(res.body.data.every((a) => !('location_id' in a)));
    const far = await slots(198, berlinDate(62), berlinDate(80));
    assert.deepEqual(far.body.data, []);
  });

  it('is 404 for an unknown type or filter, and empty when the type is not offered', async () => {
    assert.equal((await slots(4242, berlinDate(1), berlinDate(2))).status, 404);
    assert.equal((await slots(198, berlinDate(1), berlinDate(2), '&insurance_id=999')).status, 404);
    assert.equal(
      (await slots(198, berlinDate(1), berlinDate(2), '&appointment_category_id=999')).status,
      404,
    );
    const mismatch = await slots(198, berlinDate(1), berlinDate(7), '&appointment_category_id=55');
    assert.equal(mismatch.status, 200);
    assert.deepEqual(mismatch.body.data, []);
    const selfPayOnly = await slots(207, berlinDate(1), berlinDate(7), '&insurance_id=136');
    assert.deepEqual(selfPayOnly.body.data, []);
  });

  it('refuses tampered and unknown availability ids with 404', async () => {
    const { body } = await slots(198, berlinDate(1), berlinDate(3));
    const id = body.data[0].id;
    const flipped = id.slice(0, 10) + (id[10] === 'A' ? 'B' : 'A') + id.slice(11);
    for (const availability_id of [
      flipped,
      'bm90LWFuLWlk',
      'not base64 at all',
      id.replace(/=+$/, ''),
    ]) {
      const res = await api(sb, '/booking', { token, body: { availability_id, patient_data: {} } });
      assert.equal(res.status, 404, availability_id);
    }
  });
});
