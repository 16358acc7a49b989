import { perRequest } from '../../core/context';
import { byIdLoader } from '../../core/entity-loader';
import { Model } from './model.entity';

/** This request's loader of models by id. */
export const modelLoader = perRequest('model', (ctx) => byIdLoader(ctx.em, Model));
