import type { Ref } from '@mikro-orm/core';
import { Agency } from '../agency/agency.entity';
import { sharedRef } from '../booking/booking-rows';
import type { ModelAttributeValues } from './model-attributes';
import { Model } from './model.entity';

/*
 * Models read by hand-written SQL (a search's page), as answers: built without the ORM's hydration, which costs more
 * than the rest of such a request (identity map, change-set snapshot, reference propagation for every row). They are
 * outside the request's unit of work and nothing is written to them; their agencies are references that carry only an
 * id, which is all a resolver reads before loading the agency through the loaders.
 */

/** Every column of `model`, as `m`, in the order ModelRow names them; listed, not `m.*`, so the answer's shape is fixed. */
export const MODEL_COLUMNS = `m.id, m.agency_id, m.mother_agency_id, m.name, m.time_zone, m.base_city, m.schedule_version, m.attributes, m.created_at`;

/** A `model` row as the ORM's pool returns it: timestamps as text, JSON parsed. */
export interface ModelRow {
  id: string;
  agency_id: string;
  mother_agency_id: string | null;
  name: string;
  time_zone: string;
  base_city: string;
  schedule_version: number;
  attributes: ModelAttributeValues;
  created_at: string | Date;
}

/**
 * The model a row holds; `parseDate` reads PostgreSQL's text timestamps (the platform's); `agencies`, when given, shares
 * agency references with the other rows read with it (a page of fifty models has a few agencies).
 */
export function modelOfRow(row: ModelRow, parseDate: (text: string) => Date, agencies?: Map<string, Ref<Agency>>): Model {
  return Object.assign(new Model(), {
    id: row.id,
    agency: sharedRef(agencies, row.agency_id, () => new Agency()),
    motherAgency: row.mother_agency_id ? sharedRef(agencies, row.mother_agency_id, () => new Agency()) : null,
    name: row.name,
    timeZone: row.time_zone,
    baseCity: row.base_city,
    scheduleVersion: row.schedule_version,
    attributes: row.attributes,
    createdAt: row.created_at instanceof Date ? row.created_at : parseDate(row.created_at),
  });
}
