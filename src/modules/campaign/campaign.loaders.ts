import { perRequest } from '../../core/context';
import { byIdLoader } from '../../core/entity-loader';
import { Campaign } from './campaign.entity';

/** This request's loader of campaigns by id. */
export const campaignLoader = perRequest('campaign', (ctx) => byIdLoader(ctx.em, Campaign));
