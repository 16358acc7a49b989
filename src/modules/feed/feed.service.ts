import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../../common/ids';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkText } from '../../common/validate';
import { Action, can, mayEver, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { actorId, Role, type Viewer } from '../../core/viewer';
import { Model } from '../model/model.entity';
import { modelLoader } from '../model/model.loaders';
import { CalendarFeed, FeedScope } from './calendar-feed.entity';
import type { CreateCalendarFeedInput } from './feed.types';

/** The path a feed is served on; the token is its only credential. */
export const FEED_PATH = /^\/feeds\/([A-Za-z0-9_-]{43})\.ics$/;

/** SHA-256 of a feed token, hex: what the database keeps instead of the token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The viewer a feed reads as: its owner, so that it shows exactly what its owner may query. */
export function feedViewer(feed: { id: string; scope: FeedScope; model: { id: string } | null; agency: { id: string } | null; brand: { id: string } | null }): Viewer {
  const subject = `calendar-feed:${feed.id}`;
  switch (feed.scope) {
    case FeedScope.MODEL:
      return { role: Role.MODEL, subject, modelId: feed.model!.id };
    case FeedScope.AGENCY:
      return { role: Role.AGENCY, subject, agencyId: feed.agency!.id };
    case FeedScope.BRAND:
      return { role: Role.BRAND, subject, brandId: feed.brand!.id };
  }
}

/** Creates a feed and gives its URL, with a fresh 256-bit token, once. */
export async function createCalendarFeed(ctx: RequestContext, input: CreateCalendarFeedInput): Promise<Result<{ feed: CalendarFeed; url: string }>> {
  const viewer = viewerOf(ctx);
  const label = input.label ?? 'Calendar';
  const labelError = checkText(label, ['input', 'label'], 100);
  if (labelError) return fail(labelError);
  const feed = new CalendarFeed();
  const modelId = input.modelId ?? (viewer.role === Role.MODEL ? viewer.modelId : null);
  if (modelId) {
    const model = isUuid(modelId) ? await ctx.em.findOne(Model, modelId) : null;
    if (!model || !can(viewer, Action.MANAGE_MODEL_FEED, modelFacts(model))) {
      return fail(userError(UserErrorCode.MODEL_NOT_FOUND, 'no such model whose calendar you may share', ['input', 'modelId']));
    }
    Object.assign(feed, { scope: FeedScope.MODEL, model: ctx.em.getReference(Model, model.id) });
  } else if (viewer.role === Role.AGENCY && mayEver(viewer, Action.MANAGE_AGENCY)) {
    Object.assign(feed, { scope: FeedScope.AGENCY, agency: ctx.em.getReference('Agency', viewer.agencyId) });
  } else if (viewer.role === Role.BRAND && mayEver(viewer, Action.MANAGE_BRAND)) {
    Object.assign(feed, { scope: FeedScope.BRAND, brand: ctx.em.getReference('Brand', viewer.brandId) });
  } else {
    return fail(userError(UserErrorCode.INVALID_INPUT, 'name the model whose calendar the feed carries', ['input', 'modelId']));
  }
  const token = randomBytes(32).toString('base64url');
  Object.assign(feed, { label: label.trim(), tokenHash: tokenHash(token), createdByRole: viewer.role, createdById: actorId(viewer) });
  ctx.em.persist(feed);
  await ctx.em.flush();
  return ok({ feed, url: `${ctx.config.publicUrl}/feeds/${token}.ics` });
}

/** True when the viewer may list and revoke this feed: its owner's side (the model's policy for hers). */
async function managesFeed(ctx: RequestContext, viewer: Viewer, feed: CalendarFeed): Promise<boolean> {
  if (feed.scope === FeedScope.AGENCY) return can(viewer, Action.MANAGE_AGENCY, { agencyId: feed.agency!.id });
  if (feed.scope === FeedScope.BRAND) return can(viewer, Action.MANAGE_BRAND, { brandId: feed.brand!.id });
  // Through the request's loader: a list of feeds reads their models in one query.
  const model = await modelLoader(ctx).load(feed.model!.id);
  return !!model && can(viewer, Action.MANAGE_MODEL_FEED, modelFacts(model));
}

/** The feeds the viewer manages, newest first: hers; an agency's own and its models'; a brand's own; an admin all. */
export async function listCalendarFeeds(ctx: RequestContext): Promise<CalendarFeed[]> {
  const viewer = viewerOf(ctx);
  const where =
    viewer.role === Role.ADMIN
      ? {}
      : viewer.role === Role.AGENCY
        ? { $or: [{ agency: viewer.agencyId }, { model: { agency: viewer.agencyId } }] }
        : viewer.role === Role.BRAND
          ? { brand: viewer.brandId }
          : { model: viewer.modelId };
  const feeds = await ctx.em.find(CalendarFeed, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 500 });
  // The query above narrows; the policy decides.
  const allowed = await Promise.all(feeds.map((f) => managesFeed(ctx, viewer, f)));
  return feeds.filter((_, i) => allowed[i]);
}

/** Revokes a feed: from now on its URL answers 404, on every API process (each request reads the feed afresh). */
export async function revokeCalendarFeed(ctx: RequestContext, id: string): Promise<Result<CalendarFeed>> {
  const viewer = viewerOf(ctx);
  const feed = isUuid(id) ? await ctx.em.findOne(CalendarFeed, id) : null;
  if (!feed || !(await managesFeed(ctx, viewer, feed))) return fail(userError(UserErrorCode.NOT_FOUND, 'no such feed of yours', ['id']));
  feed.revokedAt ??= new Date();
  await ctx.em.flush();
  return ok(feed);
}
