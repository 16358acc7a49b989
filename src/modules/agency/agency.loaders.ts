import { perRequest } from '../../core/context';
import { byIdLoader } from '../../core/entity-loader';
import { Agency } from './agency.entity';

/** This request's loader of agencies by id. */
export const agencyLoader = perRequest('agency', (ctx) => byIdLoader(ctx.em, Agency));
