import { userError, UserErrorCode, type UserError } from '../../common/user-error';

/*
 * The attributes an agency publishes about its models, and how planners filter on them: the one vocabulary. A key is
 * either a number within bounds (a measurement) or one of a fixed set of words. They are stored as one jsonb object
 * per model (`model.attributes`), numbers as JSON numbers and words upper-case, so that a filter is a containment
 * (`@>`, answered by the GIN index) or a numeric range on one key.
 */

interface NumericKey {
  kind: 'number';
  min: number;
  max: number;
  /** Values are whole multiples of this (1: integers; 0.5: half sizes). */
  step: number;
  description: string;
}

interface WordKey {
  kind: 'word';
  values: readonly string[];
  description: string;
}

export type AttributeSpec = NumericKey | WordKey;

/** Every key an agency may publish, with what its values may be. */
export const MODEL_ATTRIBUTES: Readonly<Record<string, AttributeSpec>> = Object.freeze({
  height_cm: { kind: 'number', min: 120, max: 230, step: 1, description: 'Height in centimetres.' },
  bust_cm: { kind: 'number', min: 50, max: 160, step: 1, description: 'Bust or chest in centimetres.' },
  waist_cm: { kind: 'number', min: 40, max: 150, step: 1, description: 'Waist in centimetres.' },
  hips_cm: { kind: 'number', min: 50, max: 170, step: 1, description: 'Hips in centimetres.' },
  shoe_eu: { kind: 'number', min: 30, max: 50, step: 0.5, description: 'EU shoe size, whole or half.' },
  hair: { kind: 'word', values: ['BLACK', 'BROWN', 'BLONDE', 'RED', 'GREY', 'WHITE', 'OTHER'], description: 'Hair colour.' },
  eyes: { kind: 'word', values: ['BROWN', 'BLUE', 'GREEN', 'HAZEL', 'GREY', 'OTHER'], description: 'Eye colour.' },
});

/** The stored form: key to a number or an upper-case word. */
export type ModelAttributeValues = Record<string, number | string>;

/** One published attribute as it is given and shown: values as text ("178", "BLONDE"). */
export interface AttributePair {
  key: string;
  value: string;
}

/** A filter on one attribute: equal to a value, or (numbers only) within [min, max]. */
export interface AttributeFilter {
  key: string;
  equals?: string | null;
  min?: number | null;
  max?: number | null;
}

export const MAX_ATTRIBUTE_FILTERS = 10;

const keyError = (key: string, field: string[]): UserError | null =>
  Object.hasOwn(MODEL_ATTRIBUTES, key)
    ? null
    : userError(UserErrorCode.INVALID_INPUT, `unknown attribute ${JSON.stringify(key)}; known: ${Object.keys(MODEL_ATTRIBUTES).join(', ')}`, field);

/** A value of the key as stored, or why it is not one. */
export function attributeValue(key: string, text: string, field: string[]): { value: number | string } | { error: UserError } {
  const spec = MODEL_ATTRIBUTES[key];
  if (spec.kind === 'word') {
    const word = text.trim().toUpperCase();
    return spec.values.includes(word)
      ? { value: word }
      : { error: userError(UserErrorCode.INVALID_INPUT, `${key} is one of ${spec.values.join(', ')}`, field) };
  }
  const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(n >= spec.min && n <= spec.max) || !Number.isInteger(n / spec.step)) {
    return { error: userError(UserErrorCode.INVALID_INPUT, `${key} is a number from ${spec.min} to ${spec.max} in steps of ${spec.step}`, field) };
  }
  return { value: n };
}

/** The stored attributes of the pairs given, or every problem with them (fields under `prefix`, indexed). */
export function checkAttributes(pairs: AttributePair[], prefix: string[]): { values: ModelAttributeValues } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const values: ModelAttributeValues = {};
  if (pairs.length > Object.keys(MODEL_ATTRIBUTES).length) {
    return { errors: [userError(UserErrorCode.INVALID_INPUT, `at most ${Object.keys(MODEL_ATTRIBUTES).length} attributes, one per key`, prefix)] };
  }
  pairs.forEach((p, i) => {
    const key = p.key.trim().toLowerCase();
    const unknown = keyError(key, [...prefix, String(i), 'key']);
    if (unknown) return void errors.push(unknown);
    if (Object.hasOwn(values, key)) return void errors.push(userError(UserErrorCode.INVALID_INPUT, `${key} is given twice`, [...prefix, String(i), 'key']));
    const v = attributeValue(key, p.value, [...prefix, String(i), 'value']);
    if ('error' in v) errors.push(v.error);
    else values[key] = v.value;
  });
  return errors.length ? { errors } : { values };
}

/** The stored attributes as pairs, in the vocabulary's order. */
export function attributePairs(values: ModelAttributeValues): AttributePair[] {
  return Object.keys(MODEL_ATTRIBUTES)
    .filter((k) => Object.hasOwn(values, k))
    .map((key) => ({ key, value: String(values[key]) }));
}

/** A filter as SQL over the jsonb column `column`, with its values; or why it is not a filter. */
export function attributeFilterSql(f: AttributeFilter, column: string, field: string[]): { sql: string; params: unknown[] } | { error: UserError } {
  const key = f.key.trim().toLowerCase();
  const unknown = keyError(key, [...field, 'key']);
  if (unknown) return { error: unknown };
  const spec = MODEL_ATTRIBUTES[key];
  const ranged = f.min != null || f.max != null;
  if ((f.equals != null) === ranged) return { error: userError(UserErrorCode.INVALID_INPUT, 'give equals, or min and/or max', field) };
  if (f.equals != null) {
    const v = attributeValue(key, f.equals, [...field, 'equals']);
    // Containment, so that the GIN index on the column answers it.
    return 'error' in v ? v : { sql: `${column} @> ?::jsonb`, params: [JSON.stringify({ [key]: v.value })] };
  }
  if (spec.kind !== 'number') return { error: userError(UserErrorCode.INVALID_INPUT, `${key} is a word: filter it with equals`, field) };
  if ([f.min, f.max].some((n) => n != null && !Number.isFinite(n))) return { error: userError(UserErrorCode.INVALID_INPUT, 'min and max are finite numbers', field) };
  // A model without the key has no value to compare: `jsonb_typeof` keeps her out rather than failing the cast.
  const value = `(case when jsonb_typeof(${column} -> '${key}') = 'number' then (${column} ->> '${key}')::numeric end)`;
  const tests = [...(f.min != null ? [`${value} >= ?`] : []), ...(f.max != null ? [`${value} <= ?`] : [])];
  return { sql: tests.join(' and '), params: [...(f.min != null ? [f.min] : []), ...(f.max != null ? [f.max] : [])] };
}
