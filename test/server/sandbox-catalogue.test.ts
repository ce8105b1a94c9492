import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  api,
  berlinDate,
  guestToken,
  patientTokens,
  startTestSandbox,
  type AvailabilityJson,
  type DataBody,
  type ListBody,
  type Sandbox,
} from './support/sandbox.js';

interface Insurance {
  id: number;
  name: string;
  short_name: string;
  kind: string;
}
interface Category {
  id: number;
  name: string;
  institution_id: number;
}
interface AppointmentType {
  id: number;
  name: string;
  appointment_category_id: number;
  duration_minutes: number;
  asap_notifications_enabled: boolean;
  video_consultation: boolean;
  location_ids: number[];
  required_patient_fields: string[];
}

describe('sandbox catalogue', () => {
  let sb: Sandbox;
  let token: string;
  before(async () => {
    sb = await startTestSandbox();
    token = await guestToken(sb);
  });
  after(() => sb.close());

  it('lists insurances of all three kinds', async () => {
    const res = await api<ListBody<Insurance>>(sb, '/insurances', { token });
    assert.equal(res.status, 200);
    assert.ok(res.body.data.length >= 7);
    assert.deepEqual(
      new Set(res.body.data.map((i) => i.kind)),
      new Set(['public', 'private', 'self_pay']),
    );
    for (const insurance of res.body.data) {
      assert.equal(typeof insurance.id, 'number');
      assert.ok(insurance.name && insurance.short_name);
    }
    assert.deepEqual(res.body.meta, {
      page: 1,
      per_page: 20,
      total_count: res.body.data.length,
      has_more: false,
    });
    assert.ok(res.body.data.some((i) => i.id === 136 && i.short_name === 'TK'));
  });

  it('pages with page and per_page, clamps per_page to 100 and rejects bad values', async () => {
    const first = await api<ListBody<Insurance>>(sb, '/insurances?per_page=3', { token });
    assert.equal(first.body.data.length, 3);
    assert.equal(first.body.meta.has_more, true);
    const all: Insurance[] = [];
    for (let page = 1; ; page += 1) {
      const res = await api<ListBody<Insurance>>(sb, `/insurances?per_page=3&page=${page}`, {
        token,
      });
      all.push(...res.body.data);
      assert.equal(res.body.meta.page, page);
      if (!res.body.meta.has_more) break;
    }
    assert.equal(all.length, first.body.meta.total_count);
    assert.equal(new Set(all.map((i) => i.id)).size, all.length);
    const clamped = await api<ListBody<Insurance>>(sb, '/insurances?per_page=1000', { token });
    assert.equal(clamped.body.meta.per_page, 100);
    const beyond = await api<ListBody<Insurance>>(sb, '/insurances?page=9', { token });
    assert.deepEqual(beyond.body.data, []);
    assert.equal(beyond.body.meta.has_more, false);
    for (const [query, field] of [
      ['per_page=abc', 'per_page'],
      ['per_page=0', 'per_page'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
    ]) {
      const bad = await api(sb, `/insurances?${query}`, { token });
      assert.equal(bad.status, 400, query);
      assert.equal(bad.body.errors?.[0]?.field, field);
      assert.ok(bad.body.message);
    }
  });

  it('shows the institution, alone and in a list, and its locations', async () => {
    const list = await api<ListBody<Record<string, unknown>>>(sb, '/institutions', { token });
    assert.equal(list.body.data.length, 1);
    const institution = list.body.data[0];
    assert.equal(institution.name, 'Praxis am Stadtpark');
    assert.equal(institution.time_zone, 'Europe/Berlin');
    assert.ok(institution.phone && institution.website && institution.address);
    const one = await api<DataBody<Record<string, unknown>>>(
      sb,
      `/institutions/${institution.id}`,
      { token },
    );
    assert.deepEqual(one.body.data, institution);
    assert.equal((await api(sb, '/institutions/999', { token })).status, 404);
    assert.equal((await api(sb, '/institutions/abc', { token })).status, 404);
    const locations = await api<
      ListBody<{ id: number; institution_id: number; address: Record<string, string> }>
    >(sb, '/locations', { token });
    assert.ok(locations.body.data.length >= 2);
    for (const location of locations.body.data) {
      assert.equal(location.institution_id, institution.id);
      assert.deepEqual(Object.keys(location.address).sort(), [
        'country',
        'locality',
        'postal_code',
        'street_address',
      ]);
      assert.equal(location.address.locality, 'Berlin');
    }
  });

  it('filters categories by insurance', async () => {
    const all = await api<ListBody<Category>>(sb, '/appointment_categories', { token });
    const tk = await api<ListBody<Category>>(
      sb,
      '/appointment_categories?insurance_id=136&page=1',
      { token },
    );
    const privat = await api<ListBody<Category>>(sb, '/appointment_categories?insurance_id=201', {
      token,
    });
    assert.ok(all.body.data.length >= 4);
    assert.ok(
      tk.body.data.length < all.body.data.length,
      'a category is not offered to public insurance',
    );
    assert.ok(privat.body.data.some((c) => !tk.body.data.find((t) => t.id === c.id)));
    const unknown = await api(sb, '/appointment_categories?insurance_id=4711', { token });
    assert.equal(unknown.status, 404);
    assert.equal((await api(sb, '/appointment_categories?insurance_id=x', { token })).status, 400);
  });

  it('filters types by category and insurance and shows one type', async () => {
    const all = await api<ListBody<AppointmentType>>(sb, '/appointment_types', { token });
    assert.ok(all.body.data.length >= 8);
    assert.ok(all.body.data.some((t) => t.asap_notifications_enabled));
    assert.ok(all.body.data.some((t) => t.video_consultation));
    assert.ok(all.body.data.some((t) => t.location_ids.length > 1));
    assert.ok(new Set(all.body.data.map((t) => t.required_patient_fields.join())).size > 2);
    for (const type of all.body.data) {
      assert.ok(type.required_patient_fields.includes('email'));
      assert.ok(type.duration_minutes > 0);
    }
    const inCategory = await api<ListBody<AppointmentType>>(
      sb,
      '/appointment_types?page=1&appointment_category_id=53&insurance_id=136',
      { token },
    );
    assert.ok(inCategory.body.data.length >= 1);
    assert.ok(inCategory.body.data.every((t) => t.appointment_category_id === 53));
    const publicTypes = await api<ListBody<AppointmentType>>(
      sb,
      '/appointment_types?insurance_id=136',
      { token },
    );
    const selfPay = await api<ListBody<AppointmentType>>(
      sb,
      '/appointment_types?insurance_id=301',
      { token },
    );
    assert.ok(
      selfPay.body.data.some((t) => !publicTypes.body.data.find((p) => p.id === t.id)),
      'a self-pay-only type exists',
    );
    assert.equal(
      (await api(sb, '/appointment_types?appointment_category_id=999', { token })).status,
      404,
    );
    assert.equal((await api(sb, '/appointment_types?insurance_id=999', { token })).status, 404);
    const one = await api<DataBody<AppointmentType>>(sb, '/appointment_types/198', { token });
    assert.deepEqual(
      one.body.data,
      all.body.data.find((t) => t.id === 198),
    );
    assert.equal((await api(sb, '/appointment_types/99999', { token })).status, 404);
  });

  it('is the same for a patient token', async () => {
    const user = await patientTokens(sb);
    const res = await api<ListBody<Insurance>>(sb, '/insurances', { token: user.access_token });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('ratelimit-remaining'));
  });

  it('is deterministic: two sandboxes give the same catalogue and availability ids', async () => {
    const other = await startTestSandbox();
    try {
      const otherToken = await guestToken(other);
      const paths = [
        '/insurances',
        '/institutions',
        '/locations',
        '/appointment_categories',
        '/appointment_types',
        `/appointment_types/198/availabilities?from=${berlinDate(1)}&to=${berlinDate(14)}`,
        `/appointment_types/204/availabilities?from=${berlinDate(1)}&to=${berlinDate(14)}`,
      ];
      for (const path of paths) {
        const [a, b] = await Promise.all([
          api(sb, path, { token }),
          api(other, path, { token: otherToken }),
        ]);
        assert.equal(a.status, 200, path);
        assert.equal(a.text, b.text, path);
      }
      const ids = await api<ListBody<AvailabilityJson>>(sb, paths[5], { token });
      assert.ok(ids.body.data.length > 10);
      assert.equal(other.patients.demo.id, sb.patients.demo.id);
    } finally {
      await other.close();
    }
  });
});
