import { randomBytes } from 'node:crypto';
import { Role } from '../../src/core/viewer';
import {
  CreateAgencyDocument,
  CreateBrandDocument,
  CreateDigitalTwinDocument,
  CreateModelDocument,
  type CreateDigitalTwinInput,
  type CreateModelInput,
  type CreatePhysicalBookingInput,
} from '../generated/graphql';
import type { TestApp } from './test-app';

const suffix = () => randomBytes(3).toString('hex');

export interface Party {
  id: string;
  token: string;
}

/** An agency created by the admin, with a token that acts for it. */
export async function seedAgency(app: TestApp, name = `Agency ${suffix()}`): Promise<Party> {
  const res = await app.gql(CreateAgencyDocument, { input: { name } });
  const id = res.createAgency.agency!.id;
  return { id, token: await app.token({ role: Role.AGENCY, agencyId: id }) };
}

/** A brand created by the admin, with a planner's token for it. */
export async function seedBrand(app: TestApp, name = `Brand ${suffix()}`): Promise<Party> {
  const res = await app.gql(CreateBrandDocument, { input: { name } });
  const id = res.createBrand.brand!.id;
  return { id, token: await app.token({ role: Role.BRAND, brandId: id }) };
}

/** A model of the agency, created with the agency's token, with her own token. */
export async function seedModel(app: TestApp, agency: Party, input: Partial<CreateModelInput> = {}): Promise<Party> {
  const res = await app.gql(
    CreateModelDocument,
    { input: { name: `Model ${suffix()}`, timeZone: 'Europe/Paris', baseCity: 'Paris', ...input } },
    agency.token,
  );
  if (res.createModel.userErrors.length) throw new Error(JSON.stringify(res.createModel.userErrors));
  const id = res.createModel.model!.id;
  return { id, token: await app.token({ role: Role.MODEL, modelId: id }) };
}

export const OPEN_CONSENT = {
  allowedMedia: ['ECOMMERCE', 'SOCIAL', 'WEB'],
  allowedTerritories: ['WORLDWIDE'],
  allowedCategories: ['APPAREL', 'FOOTWEAR'],
};

/** A digital twin for the model, created by her agency; ACTIVE and broadly consented unless told otherwise. */
export async function seedTwin(app: TestApp, agency: Party, modelId: string, input: Partial<CreateDigitalTwinInput> = {}): Promise<string> {
  const res = await app.gql(
    CreateDigitalTwinDocument,
    {
      input: {
        modelId,
        ownershipSplit: { modelBps: 6000, agencyBps: 3000, platformBps: 1000 },
        consentScope: OPEN_CONSENT,
        ...input,
      },
    },
    agency.token,
  );
  if (res.createDigitalTwin.userErrors.length) throw new Error(JSON.stringify(res.createDigitalTwin.userErrors));
  return res.createDigitalTwin.twin!.id;
}

export interface Scenario {
  agency: Party;
  brand: Party;
  otherBrand: Party;
  model: Party;
}

/** An agency with one model and two brands: the smallest world most booking tests need. */
export async function seedScenario(app: TestApp, model: Partial<CreateModelInput> = {}): Promise<Scenario> {
  const agency = await seedAgency(app);
  const [brand, otherBrand] = await Promise.all([seedBrand(app), seedBrand(app)]);
  return { agency, brand, otherBrand, model: await seedModel(app, agency, model) };
}

/** An ISO instant `hours` after a fixed Monday far enough ahead that nothing is in the past. */
export function at(hours: number, base = '2030-06-03T00:00:00.000Z'): string {
  return new Date(Date.parse(base) + hours * 3600_000).toISOString();
}

/** A confirmed physical booking of the scenario's model for its brand, from `start` to `end` hours after `at(0)`. */
export function confirmedPhysical(s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Lookbook',
    start: at(start),
    end: at(end),
    location: { name: 'Studio 5', timeZone: 'Europe/Paris' },
    status: 'CONFIRMED',
    ...extra,
  };
}
