import { BigIntType } from '@mikro-orm/core';

/** A `bigint` money amount as read from PostgreSQL, as a number; throws past 2^53 rather than lose precision. */
export function moneyAmountFromDatabase(value: string | bigint | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || String(value) !== String(n)) {
    throw new RangeError(`money amount ${String(value)} is beyond the exact range of a number`);
  }
  return n;
}

/**
 * A money amount in minor units: `bigint` in PostgreSQL, a JS number in code. A stored value past 2^53 would lose
 * precision as a number, so reading one fails loudly instead.
 */
export class MoneyAmountType extends BigIntType<'number'> {
  constructor() {
    super('number');
  }

  override convertToJSValue(value: string | bigint | null | undefined): number | null | undefined {
    if (value === null || value === undefined) return value;
    return moneyAmountFromDatabase(value);
  }

  override convertToDatabaseValue(value: number | null | undefined): string | null | undefined {
    if (value !== null && value !== undefined && !Number.isSafeInteger(value)) {
      throw new RangeError(`money amount ${value} is not a safe integer`);
    }
    return super.convertToDatabaseValue(value);
  }
}
