import { perRequest } from '../../core/context';
import { byIdLoader } from '../../core/entity-loader';
import { Brand } from './brand.entity';

/** This request's loader of brands by id. */
export const brandLoader = perRequest('brand', (ctx) => byIdLoader(ctx.em, Brand));
