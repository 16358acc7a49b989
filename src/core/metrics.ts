import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A gauge a module contributes to GET /metrics, read afresh at every scrape (a backlog, say): the module declares
 * it here, below server/, and the metrics endpoint collects every registered gauge with the process's entity manager.
 */
export interface ModuleGauge {
  /** A Prometheus metric name, `twinbook_` first (`twinbook_webhook_deliveries_pending`). */
  name: string;
  /** One line on what it counts, shown as the metric's HELP. */
  help: string;
  /** Its value now; given a fork of the process's entity manager of its own. A failure is logged and skips the value. */
  collect(em: EntityManager): Promise<number> | number;
}

const gauges = new Map<string, ModuleGauge>();

/**
 * Registers a gauge for every scrape from now on (call it where the module is loaded). Registering a name again
 * replaces the earlier gauge, so a module loaded twice (tests) keeps one.
 */
export function registerGauge(gauge: ModuleGauge): void {
  if (!/^twinbook_[a-z0-9_]+$/.test(gauge.name)) throw new Error(`metric name "${gauge.name}" must match twinbook_[a-z0-9_]+`);
  gauges.set(gauge.name, gauge);
}

/** Every gauge registered so far, in the order first registered. */
export function registeredGauges(): readonly ModuleGauge[] {
  return [...gauges.values()];
}
