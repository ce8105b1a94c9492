import { expect } from '@open-wc/testing';
import { createHttpClient } from '../../src/api/http.js';
import { createPortal } from '../../src/api/portal.js';
import type { PortalOptions } from '../../src/api/portal.js';
import { MAX_PAGES, collectPages } from '../../src/api/paging.js';
import type { ApiError } from '../../src/api/errors.js';
import { fakeClock, fakeFetch, json, rejection } from './http-fakes.js';
import type { Call, Reply } from './http-fakes.js';

const BASE = 'https://portal.test/api/patient/v1';

function setup(replies: Reply[], options?: PortalOptions) {
  const clock = fakeClock();
  const net = fakeFetch(replies, clock.now);
  const http = createHttpClient({
    baseUrl: BASE,
    getToken: async () => 't',
    fetch: net.fetch,
    sleep: clock.sleep,
  });
  return { portal: createPortal(http, options), net, signal: new AbortController().signal };
}

const insurance = (id: number) => ({ id, name: `Kasse ${id}`, kind: 'public' });
const slot = (id: string, startsAt: string) => ({
  id,
  starts_at: startsAt,
  ends_at: new Date(Date.parse(startsAt) + 15 * 60_000).toISOString(),
});
const appointment = {
  id: 'apt/1',
  starts_at: '2026-04-01T09:00:00+02:00',
  ends_at: '2026-04-01T09:15:00+02:00',
  status: 'confirmed',
  appointment_type: { id: 198, name: 'Vorsorge' },
};
const param = (call: Call, name: string) => call.url.searchParams.get(name);
const bodyOf = (call: Call) => JSON.parse(call.body ?? 'null') as Record<string, unknown>;

describe('portal: paging', () => {
  it('reads pages until has_more is false', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: [insurance(1), insurance(2)], meta: { page: 1, has_more: true } }),
      json(200, { data: [insurance(3)], meta: { page: 2, has_more: true } }),
      json(200, { data: [insurance(4)], meta: { page: 3, has_more: false } }),
    ]);
    const insurances = await portal.insurances(signal);
    expect(insurances.map((i) => i.id)).to.deep.equal(['1', '2', '3', '4']);
    expect(net.calls.map((c) => param(c, 'page'))).to.deep.equal(['1', '2', '3']);
    expect(net.calls.every((c) => param(c, 'per_page') === '100')).to.equal(true);
    expect(net.calls[0].url.pathname).to.equal('/api/patient/v1/insurances');
  });

  it('stops at an empty page even when has_more says otherwise', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: [insurance(1)], meta: { has_more: true } }),
      json(200, { data: [], meta: { has_more: true } }),
      json(200, { data: [insurance(9)], meta: { has_more: false } }),
    ]);
    expect((await portal.insurances(signal)).map((i) => i.id)).to.deep.equal(['1']);
    expect(net.calls).to.have.length(2);
  });

  it('stops at the page cap when the portal never says "no more"', async () => {
    const { portal, net, signal } = setup([
      (call) =>
        json(200, { data: [insurance(Number(param(call, 'page')))], meta: { has_more: true } }),
    ]);
    const insurances = await portal.insurances(signal);
    expect(net.calls).to.have.length(MAX_PAGES);
    expect(insurances).to.have.length(MAX_PAGES);
  });

  it('collectPages honours a smaller cap', async () => {
    const pages: number[] = [];
    const items = await collectPages(async (page) => {
      pages.push(page);
      return { items: [page], hasMore: true };
    }, 3);
    expect(items).to.deep.equal([1, 2, 3]);
  });

  it('a failing page fails the whole list', async () => {
    const { portal, signal } = setup([
      json(200, { data: [insurance(1)], meta: { has_more: true } }),
      json(404, {}),
    ]);
    expect(((await rejection(portal.insurances(signal))) as ApiError).code).to.equal('not_found');
  });
});

describe('portal: catalogue', () => {
  it('filters categories and types, encodes ids as one path segment', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: [{ id: 53, name: 'Allgemein' }] }),
      json(200, { data: [{ id: 198, name: 'Vorsorge', appointment_category_id: 53 }] }),
      json(200, { data: { id: 'a/b+c=', name: 'X', appointment_category_id: 53 } }),
      json(200, { data: { id: 1, name: 'Praxis', time_zone: 'Europe/Berlin' } }),
    ]);
    await portal.categories({ insuranceId: '136' }, signal);
    await portal.types({ categoryId: '53', insuranceId: '136' }, signal);
    const type = await portal.type('a/b+c=', signal);
    await portal.institution('1', signal);
    expect(param(net.calls[0], 'insurance_id')).to.equal('136');
    expect(net.calls[0].url.pathname).to.equal('/api/patient/v1/appointment_categories');
    expect(param(net.calls[1], 'appointment_category_id')).to.equal('53');
    expect(param(net.calls[1], 'insurance_id')).to.equal('136');
    expect(net.calls[2].url.pathname).to.equal('/api/patient/v1/appointment_types/a%2Fb%2Bc%3D');
    expect(type.categoryId).to.equal('53');
    expect(net.calls[3].url.pathname).to.equal('/api/patient/v1/institutions/1');
  });

  it('leaves out filters that are not given', async () => {
    const { portal, net, signal } = setup([json(200, { data: [] })]);
    await portal.categories({}, signal);
    expect(net.calls[0].url.searchParams.has('insurance_id')).to.equal(false);
  });

  it('availabilities: dates and filters in the query', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: [slot('s1', '2026-03-02T08:00:00Z')], meta: { has_more: false } }),
    ]);
    const list = await portal.availabilities(
      '198',
      { categoryId: '53', insuranceId: '136', from: '2026-03-01', to: '2026-03-31' },
      signal,
    );
    expect(list[0].id).to.equal('s1');
    const [call] = net.calls;
    expect(call.url.pathname).to.equal('/api/patient/v1/appointment_types/198/availabilities');
    expect([
      param(call, 'from'),
      param(call, 'to'),
      param(call, 'appointment_category_id'),
      param(call, 'insurance_id'),
    ]).to.deep.equal(['2026-03-01', '2026-03-31', '53', '136']);
  });
});

describe('portal: firstAvailable', () => {
  it('searches window by window and finds a slot in the third', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: [] }),
      json(200, { data: [] }),
      json(200, {
        data: [slot('late', '2026-05-20T08:00:00Z'), slot('early', '2026-05-10T08:00:00Z')],
      }),
    ]);
    const result = await portal.firstAvailable(
      '198',
      { categoryId: '53', insuranceId: '136', from: '2026-03-01' },
      signal,
    );
    expect(result.availability?.id).to.equal('early');
    expect(result.searchedUntil).to.equal('2026-06-01');
    expect(net.calls.map((c) => [param(c, 'from'), param(c, 'to')])).to.deep.equal([
      ['2026-03-01', '2026-03-31'],
      ['2026-04-01', '2026-05-01'],
      ['2026-05-02', '2026-06-01'],
    ]);
    expect(net.calls.every((c) => param(c, 'appointment_category_id') === '53')).to.equal(true);
  });

  it('gives up at maxDays with null', async () => {
    const { portal, net, signal } = setup([json(200, { data: [] })]);
    const result = await portal.firstAvailable('198', { from: '2026-03-01', maxDays: 62 }, signal);
    expect(result).to.deep.equal({ availability: null, searchedUntil: '2026-05-01' });
    expect(net.calls).to.have.length(2);
  });

  it('searches 186 days by default, in 6 windows', async () => {
    const { portal, net, signal } = setup([json(200, { data: [] })]);
    const result = await portal.firstAvailable('198', { from: '2026-01-01' }, signal);
    expect(net.calls).to.have.length(6);
    expect(result.searchedUntil).to.equal('2026-07-05');
  });

  it('stops searching when aborted', async () => {
    const controller = new AbortController();
    const { portal, net } = setup([
      () => {
        controller.abort();
        return json(200, { data: [] });
      },
    ]);
    await rejection(portal.firstAvailable('198', { from: '2026-03-01' }, controller.signal));
    expect(net.calls).to.have.length(1);
  });
});

describe('portal: booking and the signed-in patient', () => {
  it('books with patient data, notify_with, ASAP opt-in and the idempotency key', async () => {
    const { portal, net, signal } = setup([json(201, { data: appointment })]);
    const booked = await portal.book(
      {
        availabilityId: 'x+y/z==',
        patient: {
          first_name: 'John',
          last_name: 'Doe',
          email: 'jdoe@example.com',
          phone: '12345',
          title: '',
          accepts_email: true,
        },
        asapEmail: 'jdoe@example.com',
        idempotencyKey: 'book-1',
      },
      signal,
    );
    expect(booked.id).to.equal('apt/1');
    const [call] = net.calls;
    expect(call.method).to.equal('POST');
    expect(call.url.pathname).to.equal('/api/patient/v1/booking');
    expect(call.headers.get('Idempotency-Key')).to.equal('book-1');
    expect(bodyOf(call)).to.deep.equal({
      availability_id: 'x+y/z==',
      patient_data: {
        first_name: 'John',
        last_name: 'Doe',
        email: 'jdoe@example.com',
        phone: '12345',
        accepts_email: true,
      },
      structured_comment: {},
      notify_with: { first_name: 'John', last_name: 'Doe', email: 'jdoe@example.com' },
      asap_list_opt_in: { email: 'jdoe@example.com' },
    });
  });

  it("sends the patient's note as structured_comment.note (trimmed; none: the guide's {})", async () => {
    const { portal, net, signal } = setup([
      json(201, { data: appointment }),
      json(201, { data: appointment }),
    ]);
    const input = { availabilityId: 'a', patient: { first_name: 'J' }, idempotencyKey: 'k' };
    await portal.book({ ...input, note: '  Bitte Rückruf am Vormittag.\n' }, signal);
    await portal.book({ ...input, note: '   ' }, signal);
    expect(bodyOf(net.calls[0]).structured_comment).to.deep.equal({
      note: 'Bitte Rückruf am Vormittag.',
    });
    expect(bodyOf(net.calls[1]).structured_comment).to.deep.equal({});
  });

  it('books without ASAP: no opt-in field', async () => {
    const { portal, net, signal } = setup([json(201, { data: appointment })]);
    await portal.book(
      { availabilityId: 'a', patient: { first_name: 'J' }, idempotencyKey: 'k' },
      signal,
    );
    expect(bodyOf(net.calls[0])).not.to.have.property('asap_list_opt_in');
  });

  it('appointments: one page with status; allAppointments: every page', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: [appointment], meta: { has_more: true, total_count: 2 } }),
      json(200, { data: [appointment], meta: { has_more: true } }),
      json(200, { data: [appointment], meta: { has_more: false } }),
    ]);
    const page = await portal.appointments({ status: 'upcoming', page: 1 }, signal);
    expect(page.hasMore).to.equal(true);
    expect(page.totalCount).to.equal(2);
    expect(param(net.calls[0], 'status')).to.equal('upcoming');
    const all = await portal.allAppointments({ status: 'past' }, signal);
    expect(all).to.have.length(2);
    expect(net.calls.slice(1).map((c) => [param(c, 'status'), param(c, 'page')])).to.deep.equal([
      ['past', '1'],
      ['past', '2'],
    ]);
  });

  it('overview, appointment, cancel', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: { upcoming_count: 1, past_count: 0, next_appointment: appointment } }),
      json(200, { data: appointment }),
      json(200, { data: { id: 'apt/1' } }),
    ]);
    expect((await portal.overview(signal)).next?.id).to.equal('apt/1');
    await portal.appointment('apt/1', signal);
    expect(await portal.cancel('apt/1', 'cancel-1', signal)).to.equal('apt/1');
    expect(net.calls.map((c) => `${c.method} ${c.url.pathname}`)).to.deep.equal([
      'GET /api/patient/v1/appointments/overview',
      'GET /api/patient/v1/appointments/apt%2F1',
      'POST /api/patient/v1/appointments/apt%2F1/cancel',
    ]);
    expect(net.calls[2].headers.get('Idempotency-Key')).to.equal('cancel-1');
  });

  it('reschedule: availabilities of the appointment, then POST /reschedule', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: [slot('r1', '2026-04-02T08:00:00Z')] }),
      json(200, {
        data: {
          ...appointment,
          starts_at: '2026-04-02T08:00:00Z',
          ends_at: '2026-04-02T08:15:00Z',
        },
      }),
    ]);
    const [choice] = await portal.appointmentAvailabilities('apt/1', {}, signal);
    expect(net.calls[0].url.pathname).to.equal(
      '/api/patient/v1/appointments/apt%2F1/availabilities',
    );
    expect(net.calls[0].url.searchParams.has('from')).to.equal(false);
    const moved = await portal.reschedule(
      {
        availabilityId: choice.id,
        patientId: 'p1',
        idempotencyKey: 'r-1',
        notifyWith: { email: 'a@b.test', phone: '1' },
      },
      signal,
    );
    expect(moved.startsAt.toISOString()).to.equal('2026-04-02T08:00:00.000Z');
    expect(bodyOf(net.calls[1])).to.deep.equal({
      availability_id: 'r1',
      patient_id: 'p1',
      notify_with: { email: 'a@b.test' },
    });
    expect(net.calls[1].headers.get('Idempotency-Key')).to.equal('r-1');
  });

  it('ASAP: availability, subscribe (PUT), unsubscribe (DELETE)', async () => {
    const { portal, net, signal } = setup([
      json(200, { data: { appointment, availability: null } }),
      json(200, { data: { id: 'apt/1' } }),
      json(200, { data: { id: 'apt/1' } }),
    ]);
    expect((await portal.asapAvailability('apt/1', signal)).availability).to.equal(null);
    await portal.subscribeAsap('apt/1', 'a@b.test', signal);
    await portal.unsubscribeAsap('apt/1', signal);
    expect(net.calls.map((c) => c.method)).to.deep.equal(['GET', 'PUT', 'DELETE']);
    expect(bodyOf(net.calls[1])).to.deep.equal({ asap_list_opt_in: { email: 'a@b.test' } });
    expect(net.calls[2].url.pathname).to.equal(
      '/api/patient/v1/appointments/apt%2F1/asap_list_subscription',
    );
  });

  it('video access: POST with a fresh key, so a 503 is retried', async () => {
    const { portal, net, signal } = setup([
      json(503, {}),
      json(200, { data: { url: 'https://video.test/r' } }),
    ]);
    expect((await portal.videoAccess('apt/1', signal)).url).to.equal('https://video.test/r');
    expect(bodyOf(net.calls[0])).to.deep.equal({ appointment_id: 'apt/1' });
    const keys = net.calls.map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).to.be.a('string').and.not.equal('');
    expect(keys[1]).to.equal(keys[0]);
  });

  it('userinfo: portal origin by default, or the configured URL', async () => {
    const profile = { sub: 's1', given_name: 'John' };
    const a = setup([json(200, profile)]);
    expect((await a.portal.userinfo(a.signal)).givenName).to.equal('John');
    expect(a.net.calls[0].url.href).to.equal('https://portal.test/oauth/userinfo');
    const b = setup([json(200, profile)], { userinfoUrl: 'https://idp.test/userinfo' });
    await b.portal.userinfo(b.signal);
    expect(b.net.calls[0].url.href).to.equal('https://idp.test/userinfo');
  });
});
