/** Public catalogue (scope basic, any grant): insurances, institutions, locations, categories, types. */
import { list, notFound, ok } from '../envelopes.js';
import {
  APPOINTMENT_TYPES,
  CATEGORIES,
  INSTITUTION,
  INSURANCES,
  LOCATIONS,
  findCategory,
  findInsurance,
  findType,
  type AppointmentType,
  type Category,
  type Insurance,
} from '../seed/catalogue.js';
import type { Route } from './context.js';
import { idFilter, paging, pathId } from './params.js';
import { categoryJson, typeJson } from './serialize.js';

/** The `insurance_id` filter: unknown ids are 404. */
export function insuranceFilter(query: URLSearchParams): Insurance | undefined {
  const id = idFilter(query, 'insurance_id');
  if (id === undefined) return undefined;
  const insurance = findInsurance(id);
  if (!insurance) throw notFound('Insurance');
  return insurance;
}

/** The `appointment_category_id` filter: unknown ids are 404. */
export function categoryFilter(query: URLSearchParams): Category | undefined {
  const id = idFilter(query, 'appointment_category_id');
  if (id === undefined) return undefined;
  const category = findCategory(id);
  if (!category) throw notFound('Appointment category');
  return category;
}

/** Whether a type is offered for the (optional) category and insurance. */
export function typeOffered(
  type: AppointmentType,
  category?: Category,
  insurance?: Insurance,
): boolean {
  if (category && type.appointment_category_id !== category.id) return false;
  if (!insurance) return true;
  const typeCategory = findCategory(type.appointment_category_id);
  return type.kinds.includes(insurance.kind) && !!typeCategory?.kinds.includes(insurance.kind);
}

const basic = { kind: 'basic' } as const;

export const catalogueRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/insurances',
    access: basic,
    handler: ({ query }) => {
      const { page, perPage } = paging(query);
      return list(INSURANCES, page, perPage);
    },
  },
  {
    method: 'GET',
    pattern: '/institutions',
    access: basic,
    handler: ({ query }) => {
      const { page, perPage } = paging(query);
      return list([INSTITUTION], page, perPage);
    },
  },
  {
    method: 'GET',
    pattern: '/institutions/:id',
    access: basic,
    handler: ({ params }) => {
      if (pathId(params.id, 'Institution') !== INSTITUTION.id) throw notFound('Institution');
      return ok(INSTITUTION);
    },
  },
  {
    method: 'GET',
    pattern: '/locations',
    access: basic,
    handler: ({ query }) => {
      const { page, perPage } = paging(query);
      return list(LOCATIONS, page, perPage);
    },
  },
  {
    method: 'GET',
    pattern: '/appointment_categories',
    access: basic,
    handler: ({ query }) => {
      const { page, perPage } = paging(query);
      const insurance = insuranceFilter(query);
      const categories = CATEGORIES.filter((c) =>
        APPOINTMENT_TYPES.some((t) => typeOffered(t, c, insurance)),
      );
      return list(categories.map(categoryJson), page, perPage);
    },
  },
  {
    method: 'GET',
    pattern: '/appointment_types',
    access: basic,
    handler: ({ query }) => {
      const { page, perPage } = paging(query);
      const category = categoryFilter(query);
      const insurance = insuranceFilter(query);
      const types = APPOINTMENT_TYPES.filter((t) => typeOffered(t, category, insurance));
      return list(types.map(typeJson), page, perPage);
    },
  },
  {
    method: 'GET',
    pattern: '/appointment_types/:id',
    access: basic,
    handler: ({ params }) => {
      const type = findType(pathId(params.id, 'Appointment type'));
      if (!type) throw notFound('Appointment type');
      return ok(typeJson(type));
    },
  },
];
