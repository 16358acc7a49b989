import { parse } from 'graphql';
import { documentWeight, queryCaches } from './query-caches';

const distinct = (i: number) => parse(`query Q${i} { viewer { role } models(first: 5) { edges { node { id name } } } }`);

describe('the caches keyed by query text', () => {
  it('keep the parsed documents within their bound in bytes, dropping the least recently used first', async () => {
    const bound = 200_000;
    const { documentStore } = queryCaches(bound);
    const first = distinct(0);
    await documentStore.set('0', first);
    for (let i = 1; i < 2_000; i++) {
      await documentStore.set(String(i), distinct(i));
      if (i % 10 === 0) await documentStore.get('0'); // used often: stays
    }
    expect(documentStore.cache.calculatedSize).toBeLessThanOrEqual(bound);
    expect(documentStore.cache.size).toBeGreaterThan(10);
    expect(documentStore.cache.size).toBeLessThan(2_000);
    expect(await documentStore.get('0')).toBe(first);
    expect(await documentStore.get('1')).toBeUndefined();
    expect(await documentStore.get('1999')).toBeDefined();
  });

  it('keep no document heavier than an eighth of the bound, and weigh a comment by its length', async () => {
    const { documentStore } = queryCaches(80_000);
    const light = parse('{ viewer { role } }');
    const commented = parse(`# ${'x'.repeat(20_000)}\n{ viewer { role } }`);
    expect(documentWeight(commented)).toBeGreaterThan(40_000);
    await documentStore.set('light', light);
    await documentStore.set('commented', commented);
    expect(await documentStore.get('light')).toBe(light);
    expect(await documentStore.get('commented')).toBeUndefined();
  });

  it('bound the persisted query texts by their length', async () => {
    const { persistedQueries } = queryCaches(80_000);
    for (let i = 0; i < 1_000; i++) await persistedQueries.cache.set(`h${i}`, `{ viewer { role } } # ${i}`.padEnd(200));
    expect(persistedQueries.cache.cache.calculatedSize).toBeLessThanOrEqual(20_000);
    expect(await persistedQueries.cache.get('h999')).toContain('# 999');
    expect(await persistedQueries.cache.get('h0')).toBeUndefined();
  });
});
