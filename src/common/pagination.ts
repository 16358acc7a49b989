import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badArgument, badArgumentOf } from './bad-argument';
import { isUuid } from './ids';
import { checkInstant } from './validate';

// Plain data (as the connection and edge types below): graphql reads each field directly, without a wrapper per field.
@ObjectType({ description: 'Where a page stands in the whole list (Relay).', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** For a counted connection: how many items the whole list holds (see withTotalCount). */
  readonly totalCount?: Promise<number>;
}

/**
 * Gives a connection its totalCount as a getter, so that the count query runs only when a client reads the field:
 * the field's resolver reads the property, and most pages never ask for it.
 */
export function withTotalCount<T>(connection: Connection<T>, count: () => Promise<number>): Connection<T> {
  return Object.defineProperty(connection, 'totalCount', { get: count, enumerable: true });
}

/**
 * Declares the Relay connection and edge object types for one node type. A counted connection also has `totalCount`,
 * for lists a client works through (bookings, payouts), where knowing the whole is part of the job.
 */
export function ConnectionType<T extends object>(
  node: ClassType<T> | (abstract new (...args: never[]) => T),
  name: string,
  options: { counted?: boolean } = {},
) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.`, simpleResolvers: true })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay cursor connection).`, simpleResolvers: true })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo!: PageInfo;

    readonly totalCount?: Promise<number>;
  }
  if (options.counted) {
    // Declared only on counted lists: a field every connection had would promise a count query on every list.
    // With a resolver of its own (not simple): the property is a promise, which a compiled query reads as is from a
    // field without one (compiled-queries.ts).
    Field(() => Int, { description: 'How many items the whole list holds with these filters, whatever the page.', simple: false })(ConnectionClass.prototype, 'totalCount');
  }
  return ConnectionClass;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'How many items, from 1 to the server maximum (MAX_PAGE_SIZE, 100 by default). Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to start after (`pageInfo.endCursor` of the previous page).' })
  after?: string | null;
}

/** A keyset position: the sort key and the id that breaks ties. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');
}

/** Decodes a cursor; a malformed one is the client's error, not ours. */
export function decodeCursor(raw: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw badArgument('`after` is not a cursor this API gave out', 'after');
}

/** The page size asked for, checked against the hard maximum. */
export function pageSize(first: number | null | undefined, max: number, fallback = 20): number {
  const size = first ?? Math.min(fallback, max);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badArgument(`\`first\` must be from 1 to ${max}`, 'first');
  }
  return size;
}

/** An edge whose cursor is written when a client asks for it: most pages are read by their nodes alone. */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => Cursor,
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.node));
  }
}

/** Turns `size + 1` rows fetched after a cursor into a page; the extra row only says that more follow. */
export function toConnection<T>(rows: T[], size: number, cursorOf: (row: T) => Cursor, hadCursor: boolean): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => new LazyEdge(node, cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

// The exact shape createdAtCursor writes; a hand-made key (a six-digit year, say) could reach SQL and fail there.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The position a cursor in (createdAt, id) order names, checked; null without a cursor. */
export function createdAtPosition(after: string | null | undefined): { at: Date; id: string } | null {
  if (!after) return null;
  const c = decodeCursor(after);
  const at = new Date(c.key);
  // Every id is a uuid: anything else in a cursor would make PostgreSQL fail on the comparison.
  if (!ISO_INSTANT.test(c.key) || Number.isNaN(at.getTime()) || !isUuid(c.id)) {
    // A cursor of another order names its tag; say so, since the client only changed the order.
    if (/^[a-z]+:/.test(c.key)) throw badArgument('`after` is a cursor of another order; start again without `after` after changing the order', 'after');
    decodeCursor('');
  }
  // A well-formed key can still name a year the database refuses (year 0); only ours ever reach SQL.
  const outOfSpan = checkInstant(at, ['after']);
  if (outOfSpan) throw badArgumentOf(outOfSpan);
  return { at, id: c.id };
}

/** The filter for rows after a cursor in (createdAt, id) order. */
export function afterCreatedAt(after: string | null | undefined): object {
  const p = createdAtPosition(after);
  return p ? { $or: [{ createdAt: { $gt: p.at } }, { createdAt: p.at, id: { $gt: p.id } }] } : {};
}

/** The cursor of a row listed in (createdAt, id) order. */
export const createdAtCursor = (row: { createdAt: Date; id: string }): Cursor => ({ key: row.createdAt.toISOString(), id: row.id });

/**
 * A keyset order on (an instant, id) other than placement. Its cursors carry the order's tag in the key, so that a
 * cursor of one order is refused by another instead of silently skipping or repeating rows; placement cursors keep
 * their untagged form, which clients already hold.
 */
export interface InstantOrder<R> {
  /** Tag written into the key, e.g. `start`. */
  tag: string;
  /** The ORM property the order runs on. */
  property: string;
  /** The instant of a row. */
  instantOf: (row: R) => Date;
}

/** The cursor of a row listed in this order. */
export function instantCursor<R extends { id: string }>(order: InstantOrder<R>, row: R): Cursor {
  return { key: `${order.tag}:${order.instantOf(row).toISOString()}`, id: row.id };
}

/** The filter for rows after a cursor of this order; a cursor of any other order is the client's error. */
export function afterInstant<R>(order: InstantOrder<R>, after: string | null | undefined): object {
  if (!after) return {};
  const c = decodeCursor(after);
  const prefix = `${order.tag}:`;
  const key = c.key.startsWith(prefix) ? c.key.slice(prefix.length) : '';
  const at = new Date(key);
  if (!ISO_INSTANT.test(key) || Number.isNaN(at.getTime()) || !isUuid(c.id)) {
    throw badArgument(`\`after\` is not a cursor of this order (${order.tag}); start again without \`after\` after changing the order`, 'after');
  }
  const outOfSpan = checkInstant(at, ['after']);
  if (outOfSpan) throw badArgumentOf(outOfSpan);
  return { $or: [{ [order.property]: { $gt: at } }, { [order.property]: at, id: { $gt: c.id } }] };
}
