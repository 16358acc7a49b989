import type { HttpRoute } from '../../core/http-route';
import { feedCalendar } from './feed-ics';
import { FEED_PATH } from './feed.service';

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('no such calendar feed\n');
}

/** GET /feeds/<token>.ics: the feed's calendar (see feed-ics.ts); 404 for a token that is unknown or revoked. */
export const feedRoute: HttpRoute = {
  matches: (pathname) => pathname.startsWith('/feeds/'),
  async handle(req, res, pathname, em) {
    const token = FEED_PATH.exec(pathname)?.[1];
    if (!token || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
    const ics = await feedCalendar(em.fork(), token);
    if (ics === null) return notFound(res);
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="twinbook.ics"',
      // Each poll reads it afresh: a revoked feed must stop at once, and a cache must not keep someone's calendar.
      'cache-control': 'private, no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : ics);
  },
};
