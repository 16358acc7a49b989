import type { ApolloServerOptions } from '@apollo/server';
import type { DocumentNode, Token } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from '../core/context';

type DocumentStore = NonNullable<ApolloServerOptions<RequestContext>['documentStore']>;

/**
 * Heap bytes a parsed document holds, measured on graphql 16: its source text (kept through `loc.source`), and per
 * token the token itself (every token stays linked from `loc`, comments included) with its share of the AST's nodes,
 * names and locations. Apollo's own cache weighs the document's JSON, which leaves out the tokens and the source:
 * a document with a long comment weighs a few hundred bytes there and its full text here, a dense query four times
 * its JSON. Measured: 643 characters of selections 63 kB, 10 kB of comment 12 kB.
 */
const BYTES_PER_TOKEN = 450;

export function documentWeight(document: DocumentNode): number {
  const loc = document.loc;
  if (!loc) return 0;
  let tokens = 0;
  for (let token: Token | null = loc.startToken; token; token = token.next) tokens++;
  return 2 * loc.source.body.length + BYTES_PER_TOKEN * tokens;
}

/**
 * An Apollo key-value cache, least recently used first out, bounded by the total weight (bytes) of what it keeps
 * rather than by a count: entries whose size varies a thousandfold cannot be bounded by how many there are. An entry
 * heavier than `maxEntry` is not kept at all. No ttl: nothing here expires but by weight.
 */
function weighedCache<V extends object | string>(maxWeight: number, maxEntry: number, weigh: (value: V) => number) {
  // lru-cache keeps objects only; a string is boxed in one.
  const cache = new LRUCache<string, { value: V }>({
    maxSize: maxWeight,
    maxEntrySize: maxEntry,
    sizeCalculation: ({ value }) => Math.max(1, weigh(value)),
  });
  return {
    cache,
    get: async (key: string) => cache.get(key)?.value,
    set: async (key: string, value: V) => void cache.set(key, { value }),
    delete: async (key: string) => cache.delete(key),
  };
}

/**
 * The caches Apollo keeps keyed by query text, bounded by the memory they hold rather than by Apollo's estimate:
 * parsed and validated documents (`documentStore`) and the texts of automatic persisted queries. No client can
 * grow the process past these by sending distinct documents; a document heavier than an eighth of the bound is
 * parsed each time it comes rather than kept.
 */
export function queryCaches(documentCacheBytes: number) {
  const documents = weighedCache<DocumentNode>(documentCacheBytes, documentCacheBytes / 8, documentWeight);
  // A JavaScript string takes up to two bytes a character; the texts are only kept to save clients resending them.
  const persisted = weighedCache<string>(documentCacheBytes / 4, documentCacheBytes / 32, (text) => 2 * text.length);
  return {
    documentStore: documents satisfies DocumentStore,
    persistedQueries: { cache: persisted },
  };
}
