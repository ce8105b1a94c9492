import { expect } from '@open-wc/testing';
import {
  DEFAULT_TIME_ZONE,
  decodeAppointment,
  decodeAppointmentType,
  decodeAsapOffer,
  decodeAvailability,
  decodeCategory,
  decodeIdRef,
  decodeInstitution,
  decodeInsurance,
  decodeList,
  decodeLocation,
  decodeOne,
  decodeOverview,
  decodeUserProfile,
  decodeVideoAccess,
} from '../../src/api/decode.js';
import { ApiError } from '../../src/api/errors.js';

function badResponse(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('bad_response');
    return;
  }
  throw new Error('expected bad_response');
}

const appointmentJson = {
  id: 'xbCuVVTNU6rT6E5m8p6Y8h7opzfo',
  patient_id: 'c877209f',
  starts_at: '2026-03-30T09:00:00+02:00',
  ends_at: '2026-03-30T09:15:00+02:00',
  status: 'confirmed',
  appointment_type: { id: 198, name: 'Vorsorge' },
  appointment_category: { id: 53, name: 'Allgemein' },
  location: {
    id: 7,
    name: 'Praxis Mitte',
    address: { street_address: 'Hauptstr. 1', locality: 'Berlin' },
  },
  insurance_id: 136,
  video_consultation: false,
  cancelable: true,
  reschedulable: true,
  asap_list_subscription: { email: 'a@b.test' },
  brand_new_field: { anything: 1 },
};

describe('decode: envelopes', () => {
  it('decodeOne reads data', () => {
    expect(decodeOne({ data: { id: 5 } }, decodeIdRef)).to.equal('5');
    badResponse(() => decodeOne({ id: 5 }, decodeIdRef));
    badResponse(() => decodeOne('x', decodeIdRef));
    badResponse(() => decodeOne(null, decodeIdRef));
  });

  it('decodeList reads has_more and total_count', () => {
    const page = decodeList(
      {
        data: [{ id: 1, name: 'A', kind: 'public' }],
        meta: { page: 1, has_more: true, total_count: 57 },
      },
      decodeInsurance,
    );
    expect(page).to.deep.equal({
      items: [{ id: '1', name: 'A', kind: 'public' }],
      hasMore: true,
      totalCount: 57,
    });
  });

  it('decodeList without meta has no more pages and no total', () => {
    const page = decodeList({ data: [] }, decodeInsurance);
    expect(page).to.deep.equal({ items: [], hasMore: false });
    expect('totalCount' in page).to.equal(false);
  });

  it('decodeList needs a data array', () => {
    badResponse(() => decodeList({ data: {} }, decodeInsurance));
    badResponse(() => decodeList([], decodeInsurance));
  });
});

describe('decode: catalogue', () => {
  it('ignores unknown fields and stringifies numeric ids', () => {
    expect(
      decodeInsurance({
        id: 136,
        name: 'Techniker Krankenkasse',
        short_name: 'TK',
        kind: 'public',
        x: [1],
      }),
    ).to.deep.equal({ id: '136', name: 'Techniker Krankenkasse', shortName: 'TK', kind: 'public' });
  });

  it('leaves missing optional fields absent (not undefined members)', () => {
    const insurance = decodeInsurance({ id: '1', name: 'AOK', kind: 'public' });
    expect(Object.keys(insurance).sort()).to.deep.equal(['id', 'kind', 'name']);
    const category = decodeCategory({ id: 53, name: 'Allgemein', description: null });
    expect(category).to.deep.equal({ id: '53', name: 'Allgemein' });
  });

  it('maps unknown or missing insurance kinds to private, known aliases to theirs', () => {
    expect(decodeInsurance({ id: 1, name: 'X', kind: 'beihilfe' }).kind).to.equal('private');
    expect(decodeInsurance({ id: 1, name: 'X' }).kind).to.equal('private');
    expect(decodeInsurance({ id: 1, name: 'X', kind: 'GKV' }).kind).to.equal('public');
    expect(decodeInsurance({ id: 1, name: 'X', kind: 'self_pay' }).kind).to.equal('self_pay');
  });

  it('requires id and name', () => {
    badResponse(() => decodeInsurance({ name: 'X', kind: 'public' }));
    badResponse(() => decodeInsurance({ id: 1, kind: 'public' }));
    badResponse(() => decodeInsurance({ id: { nested: 1 }, name: 'X' }));
  });

  it('institution: address, and a safe time zone', () => {
    const institution = decodeInstitution({
      id: 1,
      name: 'Praxis',
      time_zone: 'Europe/Berlin',
      address: { street_address: 'Hauptstr. 1', postal_code: 10117, country: 'DE', extra: true },
      phone: '030 123',
    });
    expect(institution).to.deep.equal({
      id: '1',
      name: 'Praxis',
      timeZone: 'Europe/Berlin',
      address: { street: 'Hauptstr. 1', postalCode: '10117', country: 'DE' },
      phone: '030 123',
    });
    expect(decodeInstitution({ id: 1, name: 'P', time_zone: 'Mars/Olympus' }).timeZone).to.equal(
      DEFAULT_TIME_ZONE,
    );
    expect(decodeInstitution({ id: 1, name: 'P' }).timeZone).to.equal(DEFAULT_TIME_ZONE);
    expect(decodeInstitution({ id: 1, name: 'P', address: {} })).not.to.have.property('address');
  });

  it('location: a broken optional address is absent', () => {
    expect(
      decodeLocation({ id: 7, institution_id: 1, name: 'Mitte', address: 'Hauptstr. 1' }),
    ).to.deep.equal({
      id: '7',
      institutionId: '1',
      name: 'Mitte',
    });
  });

  it('appointment type: drops unknown required fields, defaults flags', () => {
    const type = decodeAppointmentType({
      id: 198,
      name: 'Vorsorge',
      appointment_category_id: 53,
      duration_minutes: '15',
      location_ids: [7, '8', null, { id: 9 }],
      required_patient_fields: ['first_name', 'email', 'shoe_size', 42, 'email'],
    });
    expect(type).to.deep.equal({
      id: '198',
      name: 'Vorsorge',
      categoryId: '53',
      durationMinutes: 15,
      asapEnabled: false,
      video: false,
      locationIds: ['7', '8'],
      requiredFields: ['first_name', 'email'],
    });
    expect(
      decodeAppointmentType({ id: 1, name: 'x', appointment_category_id: 2 }).durationMinutes,
    ).to.equal(0);
  });

  it('availability: opaque ids kept, dates parsed', () => {
    const availability = decodeAvailability({
      id: 'a+b/c==_-',
      starts_at: '2026-03-15T10:30:00Z',
      ends_at: '2026-03-15T10:45:00.000+01:00',
    });
    expect(availability.id).to.equal('a+b/c==_-');
    expect(availability.startsAt.toISOString()).to.equal('2026-03-15T10:30:00.000Z');
    expect(availability.endsAt.toISOString()).to.equal('2026-03-15T09:45:00.000Z');
    expect(availability).not.to.have.property('locationId');
  });

  it('reads offsets without colon and lowercase z', () => {
    const a = decodeAvailability({
      id: 'x',
      starts_at: '2026-01-02T09:00:00+0100',
      ends_at: '2026-01-02t09:15:00z',
    });
    expect(a.startsAt.toISOString()).to.equal('2026-01-02T08:00:00.000Z');
    expect(a.endsAt.toISOString()).to.equal('2026-01-02T09:15:00.000Z');
  });

  it('bad dates: required → bad_response', () => {
    for (const startsAt of ['2026-13-40T10:00:00Z', 'tomorrow', '12', '', 1767225600, null]) {
      badResponse(() =>
        decodeAvailability({ id: 'x', starts_at: startsAt, ends_at: '2026-03-15T10:45:00Z' }),
      );
    }
  });
});

describe('decode: patient resources', () => {
  it('appointment with everything', () => {
    const appointment = decodeAppointment(appointmentJson);
    expect(appointment).to.deep.equal({
      id: 'xbCuVVTNU6rT6E5m8p6Y8h7opzfo',
      patientId: 'c877209f',
      startsAt: new Date('2026-03-30T07:00:00Z'),
      endsAt: new Date('2026-03-30T07:15:00Z'),
      status: 'confirmed',
      type: { id: '198', name: 'Vorsorge' },
      category: { id: '53', name: 'Allgemein' },
      location: {
        id: '7',
        name: 'Praxis Mitte',
        address: { street: 'Hauptstr. 1', locality: 'Berlin' },
      },
      insuranceId: '136',
      video: false,
      cancelable: true,
      reschedulable: true,
      asapSubscription: { email: 'a@b.test' },
    });
  });

  it('appointment with the minimum: safe defaults', () => {
    const appointment = decodeAppointment({
      id: 1,
      starts_at: '2026-03-30T09:00:00+02:00',
      ends_at: '2026-03-30T09:15:00+02:00',
      status: 'canceled',
      appointment_type: { id: 198 },
      asap_list_subscription: null,
      location: { name: 'no id' },
    });
    expect(appointment).to.deep.equal({
      id: '1',
      startsAt: new Date('2026-03-30T07:00:00Z'),
      endsAt: new Date('2026-03-30T07:15:00Z'),
      status: 'cancelled',
      type: { id: '198', name: '' },
      video: false,
      cancelable: false,
      reschedulable: false,
      asapSubscription: null,
    });
  });

  it('appointment without type or times → bad_response', () => {
    badResponse(() => decodeAppointment({ ...appointmentJson, appointment_type: undefined }));
    badResponse(() => decodeAppointment({ ...appointmentJson, ends_at: 'soon' }));
  });

  it('overview, with and without a next appointment', () => {
    const overview = decodeOverview({
      upcoming_count: 2,
      past_count: '5',
      next_appointment: appointmentJson,
    });
    expect(overview.upcomingCount).to.equal(2);
    expect(overview.pastCount).to.equal(5);
    expect(overview.next?.id).to.equal(appointmentJson.id);
    expect(decodeOverview({ next_appointment: null })).to.deep.equal({
      upcomingCount: 0,
      pastCount: 0,
      next: null,
    });
  });

  it('asap offer', () => {
    const offer = decodeAsapOffer({
      appointment: appointmentJson,
      availability: { id: 'z', starts_at: '2026-03-20T08:00:00Z', ends_at: '2026-03-20T08:15:00Z' },
    });
    expect(offer.availability?.id).to.equal('z');
    expect(
      decodeAsapOffer({ appointment: appointmentJson, availability: null }).availability,
    ).to.equal(null);
    badResponse(() => decodeAsapOffer({ availability: null }));
  });

  it('video access: only web URLs', () => {
    const access = decodeVideoAccess({
      url: 'https://video.test/room/1',
      expires_at: '2026-03-30T10:00:00Z',
    });
    expect(access).to.deep.equal({
      url: 'https://video.test/room/1',
      expiresAt: new Date('2026-03-30T10:00:00Z'),
    });
    expect(decodeVideoAccess({ url: 'https://v.test/', expires_at: 'later' })).to.deep.equal({
      url: 'https://v.test/',
    });
    badResponse(() => decodeVideoAccess({ url: 'javascript:alert(1)' }));
    badResponse(() => decodeVideoAccess({ url: '/relative' }));
  });

  it('userinfo', () => {
    expect(
      decodeUserProfile({
        sub: 'abc',
        given_name: 'John',
        family_name: 'Doe',
        name: 'Doe, John',
        email: 'jdoe@example.com',
        phone_number: '+49 30 1',
        address: {},
      }),
    ).to.deep.equal({
      sub: 'abc',
      givenName: 'John',
      familyName: 'Doe',
      email: 'jdoe@example.com',
      phone: '+49 30 1',
    });
    badResponse(() => decodeUserProfile({ given_name: 'John' }));
  });
});
