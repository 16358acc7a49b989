import { perRequest } from '../../core/context';
import { byParentLoader } from '../../core/entity-loader';
import { WebhookAttempt } from './webhook.entity';

/** This request's loader of each delivery's attempts, oldest first: a page of deliveries costs one query. */
export const attemptsByDeliveryLoader = perRequest('webhookAttemptsByDelivery', (ctx) =>
  byParentLoader(
    (deliveryIds) => ctx.em.find(WebhookAttempt, { delivery: { $in: deliveryIds } }, { orderBy: { attemptedAt: 'asc', id: 'asc' } }),
    (a) => a.delivery.id,
  ),
);
