import DataLoader from 'dataloader';
import { perRequest } from '../../core/context';
import { DigitalTwin } from './twin.entity';

/** This request's loader of each model's twin (null when she has none). */
export const twinByModelLoader = perRequest(
  'twinByModel',
  (ctx) =>
    new DataLoader<string, DigitalTwin | null>(async (modelIds) => {
      const twins = await ctx.em.find(DigitalTwin, { model: { $in: [...modelIds] } });
      const map = new Map(twins.map((t) => [t.model.id, t]));
      return modelIds.map((id) => map.get(id) ?? null);
    }),
);
