/** Response envelopes and the API error type of the patient API. */

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ListMeta {
  page: number;
  per_page: number;
  total_count: number;
  has_more: boolean;
}

/** Thrown by handlers; turned into `{"message","error"?,"errors"?}` with its status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toResponse(): ApiResponse {
    return {
      status: this.status,
      body: {
        message: this.message,
        ...(this.code ? { error: this.code } : {}),
        ...(this.errors?.length ? { errors: this.errors } : {}),
      },
      ...(this.headers ? { headers: this.headers } : {}),
    };
  }
}

export const ok = (data: unknown, status = 200): ApiResponse => ({ status, body: { data } });

export function list<T>(items: readonly T[], page: number, perPage: number): ApiResponse {
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  const meta: ListMeta = {
    page,
    per_page: perPage,
    total_count: items.length,
    has_more: start + data.length < items.length,
  };
  return { status: 200, body: { data, meta } };
}

/** A list that is returned whole (availabilities: the whole range in one response). */
export function wholeList<T>(items: readonly T[]): ApiResponse {
  const meta: ListMeta = {
    page: 1,
    per_page: Math.max(items.length, 1),
    total_count: items.length,
    has_more: false,
  };
  return { status: 200, body: { data: items, meta } };
}

export const notFound = (what = 'Resource'): ApiError =>
  new ApiError(404, `${what} not found`, 'not_found');

export const badRequest = (field: string, message: string): ApiError =>
  new ApiError(400, `Invalid parameter: ${field} ${message}`, 'invalid_parameter', [
    { field, message },
  ]);

export const validationFailed = (errors: FieldError[]): ApiError =>
  new ApiError(
    422,
    'Validation failed: ' + errors.map((e) => `${e.field} ${e.message}`).join(', '),
    'validation_failed',
    errors,
  );
