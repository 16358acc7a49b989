import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { Agency } from '../modules/agency/agency.entity';
import { BookingChange } from '../modules/booking/booking-history.entity';
import { BookingStatus } from '../modules/booking/booking-status';
import { DigitalBooking, PhysicalBooking } from '../modules/booking/booking.entity';
import { Brand } from '../modules/brand/brand.entity';
import { Model } from '../modules/model/model.entity';
import { RateCard } from '../modules/pricing/rate-card.entity';
import { freezeQuoteOrRefuse } from '../modules/pricing/quote.service';
import { DigitalTwin, TwinStatus } from '../modules/twin/twin.entity';
import { ConsentVersion, ConsentVersionStatus } from '../modules/twin/consent-version.entity';
import { signToken } from '../core/tokens';
import { Role } from '../core/viewer';

export interface DemoTokens {
  tokens: { label: string; token: string }[];
}

const MODELS = [
  { name: 'Inès Marchand', timeZone: 'Europe/Paris', baseCity: 'Paris', agency: 0, mother: 1, twin: true },
  { name: 'Maya Okafor', timeZone: 'America/New_York', baseCity: 'New York', agency: 0, mother: null, twin: true },
  { name: 'Freya Lindqvist', timeZone: 'Europe/London', baseCity: 'London', agency: 0, mother: null, twin: false },
  { name: 'Giulia Conti', timeZone: 'Europe/Rome', baseCity: 'Milan', agency: 1, mother: null, twin: true },
  { name: 'Aiko Tanaka', timeZone: 'Asia/Tokyo', baseCity: 'Tokyo', agency: 1, mother: null, twin: false },
];

/** Prices every demo job: physical rates, and the deliverables and media the twins' jobs ask for (EU usage). */
const AGENCY_CARD = {
  currency: 'EUR',
  hourlyRate: 15000,
  halfDayRate: 50000,
  dayRate: 90000,
  travelHourlyRate: 5000,
  deliverablePrices: { IMAGE: 25000, VIDEO: 120000 },
  usageMonthlyFees: { ECOMMERCE: 30000, SOCIAL: 20000, WEB: 15000 },
};

async function seed(em: EntityManager): Promise<void> {
  const agencies = ['Maison Nord Models', 'Southside Management'].map((name) => em.create(Agency, { name }));
  const brands = ['Atelier Lumen', 'Northwind Apparel'].map((name) => em.create(Brand, { name }));
  const models = MODELS.map((m) =>
    em.create(Model, {
      name: m.name,
      timeZone: m.timeZone,
      baseCity: m.baseCity,
      agency: agencies[m.agency],
      motherAgency: m.mother === null ? null : agencies[m.mother],
    }),
  );
  MODELS.forEach((m, i) => {
    if (!m.twin) return;
    const twin = em.create(DigitalTwin, {
      model: models[i],
      status: TwinStatus.ACTIVE,
      modelShareBps: 6000,
      agencyShareBps: 3000,
      platformShareBps: 1000,
      maxConcurrentJobs: 5,
      allowedMedia: ['ECOMMERCE', 'SOCIAL', 'WEB'],
      allowedTerritories: ['EU', 'US', 'GB'],
      allowedCategories: ['APPAREL', 'FOOTWEAR', 'ACCESSORIES'],
      excludedCategories: ['LINGERIE'],
      excludedBrandIds: [],
      consentEndsAt: null,
    });
    // Its consent as version 1, in force, so that its history starts where every twin's does.
    em.create(ConsentVersion, { twin, version: 1, status: ConsentVersionStatus.IN_FORCE, ...twin.consentScope, approvalDelegatedToAgency: false, proposedByRole: Role.SYSTEM, decidedByRole: Role.SYSTEM, decidedAt: new Date() });
  });
  // Every agency has a default card, and Inès her own, dearer one: confirmed work is always priced.
  agencies.forEach((agency) => em.create(RateCard, { agency, ...AGENCY_CARD }));
  em.create(RateCard, { agency: models[0].agency, model: models[0], ...AGENCY_CARD, hourlyRate: 20000, halfDayRate: 70000, dayRate: 125000 });
  await em.flush();
  const confirmedJobs: (PhysicalBooking | DigitalBooking)[] = [];

  // A week of work from next Monday, placed in each model's own zone.
  const monday = DateTime.now().setZone('Europe/Paris').startOf('week').plus({ weeks: 1 });
  const history = (booking: PhysicalBooking | DigitalBooking, actor: Agency | Brand, role: Role) =>
    em.create(BookingChange, { booking, fromStatus: null, toStatus: booking.status, actorRole: role, actorId: actor.id, reason: 'demo data' });
  models.forEach((model, i) => {
    for (let day = 0; day < 5; day += 1) {
      const local = monday.setZone(model.timeZone, { keepLocalTime: true }).plus({ days: day }).set({ hour: 9 + (i % 2) });
      const start = local.toJSDate();
      const end = local.plus({ hours: day % 2 ? 4 : 8 }).toJSDate();
      const brand = brands[(i + day) % 2];
      const confirmed = day !== 2;
      const booking = em.create(PhysicalBooking, {
        model,
        agency: model.agency,
        brand,
        status: confirmed ? BookingStatus.CONFIRMED : BookingStatus.OPTION,
        title: confirmed ? `${brand.name} ${day % 2 ? 'fitting' : 'shoot'}` : `${brand.name} show casting`,
        start,
        end,
        blockedStart: new Date(start.getTime() - 30 * 60_000),
        blockedEnd: new Date(end.getTime() + 30 * 60_000),
        locationName: `${model.baseCity} studio`,
        locationTimeZone: model.timeZone,
        travelBeforeMinutes: 30,
        travelAfterMinutes: 30,
      });
      history(booking, confirmed ? model.agency.getEntity() : brand, confirmed ? Role.AGENCY : Role.BRAND);
      if (confirmed) confirmedJobs.push(booking);
    }
    if (!MODELS[i].twin) return;
    brands.forEach((brand, b) => {
      const start = monday.plus({ days: b }).toJSDate();
      const end = monday.plus({ days: b + 4 }).toJSDate();
      const booking = em.create(DigitalBooking, {
        model,
        agency: model.agency,
        brand,
        status: BookingStatus.CONFIRMED,
        title: `${brand.name} e-commerce drop`,
        start,
        end,
        blockedStart: start,
        blockedEnd: end,
        deliverables: [{ kind: 'IMAGE', quantity: 40 }, { kind: 'VIDEO', quantity: 2 }],
        category: 'APPAREL',
        usageMedia: ['ECOMMERCE', 'SOCIAL'],
        usageTerritories: ['EU'],
        usageStart: end,
        usageEnd: monday.plus({ months: 6 }).toJSDate(),
      });
      history(booking, model.agency.getEntity(), Role.AGENCY);
      confirmedJobs.push(booking);
    });
  });
  // Confirmed as through the API: each with its deal memo frozen from the cards above.
  for (const booking of confirmedJobs) {
    const quote = await freezeQuoteOrRefuse(em, booking, { argument: ['demo'] }, true);
    if (!quote.ok) throw new Error(`demo booking ${booking.title} cannot be priced: ${quote.errors.map((e) => e.message).join('; ')}`);
  }
}

/**
 * Loads the demo data into an empty database, then returns a bearer token per role for it, each living
 * `tokenLifetimeSeconds` (the longest the API accepts), or null if the data is not the demo's.
 */
export async function seedDemoData(em: EntityManager, jwtSecret: string, tokenLifetimeSeconds?: number): Promise<DemoTokens | null> {
  if ((await em.count(Agency)) === 0) {
    await em.transactional((tx) => seed(tx));
  }
  const agency = await em.findOne(Agency, { name: 'Maison Nord Models' });
  const brand = await em.findOne(Brand, { name: 'Atelier Lumen' });
  const model = await em.findOne(Model, { name: 'Inès Marchand' });
  if (!agency || !brand || !model) return null;
  return {
    tokens: [
      { label: 'ADMIN', token: await signToken(jwtSecret, { role: Role.ADMIN, subject: 'demo-admin' }, undefined, tokenLifetimeSeconds) },
      { label: `AGENCY ${agency.name}`, token: await signToken(jwtSecret, { role: Role.AGENCY, agencyId: agency.id }, undefined, tokenLifetimeSeconds) },
      { label: `BRAND ${brand.name}`, token: await signToken(jwtSecret, { role: Role.BRAND, brandId: brand.id }, undefined, tokenLifetimeSeconds) },
      { label: `MODEL ${model.name}`, token: await signToken(jwtSecret, { role: Role.MODEL, modelId: model.id }, undefined, tokenLifetimeSeconds) },
    ],
  };
}
