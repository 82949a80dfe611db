/**
 * Field errors, formatted as apimachinery/pkg/util/validation/field/errors.go
 * (Error.Error / Error.ErrorBody) formats them.
 */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

const OMIT = Symbol('omitValue');

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail?: string;
}

export function fieldErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const bare = e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong' || e.type === 'InternalError';
  if (!bare && e.badValue !== OMIT) s += `: ${formatBadValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** Go's %q for strings, %v for numbers/bools, "null" for nil, %#v-ish for the rest. */
export function formatBadValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map(goQuote).join(', ')}}`;
  // Values already rendered in Go syntax (api/validation/go-format.ts GoValue).
  if (typeof v === 'object' && typeof (v as { goSyntax?: unknown }).goSyntax === 'string') return (v as { goSyntax: string }).goSyntax;
  return JSON.stringify(v);
}

/** Go strconv.Quote for the printable subset we produce. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex}`);
}

export const field = {
  required: (f: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field: f, badValue: '', detail }),
  invalid: (f: string, value: unknown, detail = ''): FieldError => ({ type: 'FieldValueInvalid', field: f, badValue: value, detail }),
  forbidden: (f: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field: f, badValue: '', detail }),
  duplicate: (f: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field: f, badValue: value }),
  notFound: (f: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field: f, badValue: value }),
  tooLong: (f: string, value: unknown, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    field: f,
    badValue: value,
    detail: `must have at most ${max} bytes`,
  }),
  /** `Unsupported value: "x": supported values: "a", "b"` */
  notSupported: (f: string, value: unknown, supported: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field: f,
    badValue: value,
    detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
  }),
  omitValue: OMIT,
};
