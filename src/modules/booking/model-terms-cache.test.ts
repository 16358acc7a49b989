import { ModelTermsCache, type ModelTerms } from './physical-booking.repository';

const terms = (modelId: string, modelVersion = '1'): ModelTerms => ({
  modelId,
  agencyId: 'agency',
  hasMotherAgency: false,
  card: null,
  modelVersion,
  cardVersion: null,
});

describe('ModelTermsCache', () => {
  it('gives back what was set, the latest set winning', () => {
    const cache = new ModelTermsCache();
    cache.set(terms('a', '1'));
    cache.set(terms('a', '2'));
    expect(cache.get('a')?.modelVersion).toBe('2');
    expect(cache.get('b')).toBeUndefined();
  });

  it('forgets the entry set longest ago once full, counting a set again as new', () => {
    const cache = new ModelTermsCache(2);
    cache.set(terms('a'));
    cache.set(terms('b'));
    cache.set(terms('a', '2'));
    cache.set(terms('c'));
    expect([cache.get('a')?.modelVersion, cache.get('b'), cache.get('c')?.modelId]).toEqual(['2', undefined, 'c']);
  });
});
