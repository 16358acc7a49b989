import { WeighedLru } from './weighed-lru';

const byLength = (value: string) => value.length;

describe('WeighedLru', () => {
  it.each([
    // [max weight, max entry, values set in order, keys kept, total weight]
    [10, 10, ['aaaa', 'bbbb'], ['0', '1'], 8],
    [10, 10, ['aaaa', 'bbbb', 'cccc'], ['1', '2'], 8],
    [10, 10, ['aaaaaaaaaa'], ['0'], 10],
    [10, 10, ['aaaaaaaaaaa'], [], 0],
    [10, 3, ['aaaa', 'bb', 'ccc'], ['1', '2'], 5],
    [10, 10, ['a', 'b', 'c', 'dddddddddd'], ['3'], 10],
  ])('max %i (entry %i), sets %j: keeps %j weighing %i', (max, maxEntry, values, kept, total) => {
    const cache = new WeighedLru<string>(max, byLength, maxEntry);
    values.forEach((v, i) => cache.set(String(i), v));
    expect(values.map((_, i) => String(i)).filter((k) => cache.get(k) !== undefined)).toEqual(kept);
    expect(cache.weight()).toBe(total);
    expect(cache.size()).toBe(kept.length);
  });

  it('evicts the least recently read, not the first written', () => {
    const cache = new WeighedLru<string>(8, byLength);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.get('a')).toBe('aaaa');
    cache.set('c', 'cccc');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['aaaa', undefined, 'cccc']);
  });

  it('replacing a key counts its new weight only', () => {
    const cache = new WeighedLru<string>(10, byLength);
    cache.set('a', 'aaaaaa');
    cache.set('a', 'aa');
    expect(cache.weight()).toBe(2);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    expect(cache.weight()).toBe(0);
  });

  it('never holds more than its bound, whatever is set', () => {
    const cache = new WeighedLru<string>(1000, byLength, 300);
    let seed = 7;
    let heaviest = 0;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      cache.set(String(seed % 700), 'x'.repeat(seed % 400));
      heaviest = Math.max(heaviest, cache.weight());
    }
    expect(heaviest).toBeGreaterThan(700);
    expect(heaviest).toBeLessThanOrEqual(1000);
  });
});
