import { ModelListDocument, UpdateDigitalTwinDocument, type ModelListQueryVariables } from './generated/graphql';
import { seedAgency, seedBrand, seedModel, seedTwin, type Party } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function twinIn(agency: Party, model: Party, status: 'ACTIVE' | 'PAUSED' | 'RETIRED'): Promise<void> {
  const twinId = await seedTwin(app, agency, model.id);
  if (status === 'ACTIVE') return;
  const res = await app.gql(UpdateDigitalTwinDocument, { input: { twinId, status } }, agency.token);
  expect(res.updateDigitalTwin.userErrors).toEqual([]);
}

/** An agency's models in three cities, with twins in every state and one without; a model it placed with a mother agency. */
async function roster() {
  const agency = await seedAgency(app);
  const mother = await seedAgency(app);
  const ana = await seedModel(app, agency, { name: 'Ana Lima', baseCity: 'Paris' });
  const bea = await seedModel(app, agency, { name: 'Bea_50% Off', baseCity: 'Milan' });
  const carla = await seedModel(app, agency, { name: 'Carla Souza', baseCity: 'paris' });
  const dana = await seedModel(app, agency, { name: 'Dana Kim', baseCity: 'PARIS' });
  const eve = await seedModel(app, agency, { name: 'Eve 50 Off', baseCity: 'New York', motherAgencyId: mother.id });
  await twinIn(agency, ana, 'ACTIVE');
  await twinIn(agency, bea, 'PAUSED');
  await twinIn(agency, dana, 'RETIRED');
  await twinIn(agency, eve, 'ACTIVE');
  return { agency, mother, ana, bea, carla, dana, eve };
}

async function names(token: string, variables: ModelListQueryVariables): Promise<string[]> {
  return (await app.gql(ModelListDocument, { first: 100, ...variables }, token)).models.edges.map((e) => e.node.name);
}

describe('models: filters a booker works from', () => {
  it('by base city, whatever its case, and by name contained, whatever its case', async () => {
    const r = await roster();
    expect(await names(r.agency.token, { baseCity: 'PARIS' })).toEqual(['Ana Lima', 'Carla Souza', 'Dana Kim']);
    expect(await names(r.agency.token, { baseCity: ' new york ' })).toEqual(['Eve 50 Off']);
    expect(await names(r.agency.token, { baseCity: 'Par' })).toEqual([]);
    expect(await names(r.agency.token, { name: 'ANA' })).toEqual(['Ana Lima', 'Dana Kim']);
    expect(await names(r.agency.token, { name: 'a k' })).toEqual(['Dana Kim']);
  });

  it('takes LIKE wildcards in a name literally', async () => {
    const r = await roster();
    expect(await names(r.agency.token, { name: '50%' })).toEqual(['Bea_50% Off']);
    expect(await names(r.agency.token, { name: '_' })).toEqual(['Bea_50% Off']);
    expect(await names(r.agency.token, { name: '%' })).toEqual(['Bea_50% Off']);
    expect(await names(r.agency.token, { name: '\\' })).toEqual([]);
  });

  it('by twin status, NONE for no twin, several at once, and with the other filters', async () => {
    const r = await roster();
    expect(await names(r.agency.token, { twinStatus: ['ACTIVE'] })).toEqual(['Ana Lima', 'Eve 50 Off']);
    expect(await names(r.agency.token, { twinStatus: ['NONE'] })).toEqual(['Carla Souza']);
    expect(await names(r.agency.token, { twinStatus: ['PAUSED', 'RETIRED'] })).toEqual(['Bea_50% Off', 'Dana Kim']);
    expect(await names(r.agency.token, { twinStatus: ['ACTIVE', 'NONE'], baseCity: 'paris' })).toEqual(['Ana Lima', 'Carla Souza']);
    expect(await names(r.agency.token, { twinStatus: ['RETIRED'], name: 'lima' })).toEqual([]);
  });

  it('pages a filtered list without repeats', async () => {
    const r = await roster();
    const first = (await app.gql(ModelListDocument, { first: 2, baseCity: 'paris' }, r.agency.token)).models;
    const second = (await app.gql(ModelListDocument, { first: 2, baseCity: 'paris', after: first.pageInfo.endCursor }, r.agency.token)).models;
    expect([...first.edges, ...second.edges].map((e) => e.node.name)).toEqual(['Ana Lima', 'Carla Souza', 'Dana Kim']);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
  });
});

describe('models: the filters never show more than the viewer may see', () => {
  it('a mother agency finds the model it placed, but not by her twin, which it may not see', async () => {
    const r = await roster();
    expect(await names(r.mother.token, {})).toEqual(['Eve 50 Off']);
    expect(await names(r.mother.token, { name: 'eve' })).toEqual(['Eve 50 Off']);
    expect(await names(r.mother.token, { twinStatus: ['ACTIVE'] })).toEqual([]);
    expect(await names(r.mother.token, { twinStatus: ['NONE'] })).toEqual([]);
  });

  it('a brand filters every agency’s models by twin; a model finds only herself; another agency none', async () => {
    const r = await roster();
    const brand = await seedBrand(app);
    expect(await names(brand.token, { agencyId: r.agency.id, twinStatus: ['ACTIVE'] })).toEqual(['Ana Lima', 'Eve 50 Off']);
    expect(await names(r.ana.token, { name: 'a' })).toEqual(['Ana Lima']);
    expect(await names(r.carla.token, { twinStatus: ['ACTIVE'] })).toEqual([]);
    expect(await names((await seedAgency(app)).token, { baseCity: 'paris' })).toEqual([]);
  });
});

describe('models: refusals of a bad query argument (BAD_USER_INPUT)', () => {
  it.each<[ModelListQueryVariables, string]>([
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ baseCity: '' }, 'baseCity'],
    [{ baseCity: 'Paris\u0000' }, 'baseCity'],
  ])('%j names %s', async (variables, argumentName) => {
    const res = await app.request(ModelListDocument, variables);
    expect(res.status).toBe(200);
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', argumentName]]);
  });
});
