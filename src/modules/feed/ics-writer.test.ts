import fc from 'fast-check';
import ical, { ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { foldLine, icsText, type IcsEvent } from './ics-writer';

// ical-generator wrote the feeds before: the writer must give calendar apps the very same text.
function byIcalGenerator(name: string, events: IcsEvent[]): string {
  const calendar = ical({ name, prodId: { company: 'twinbook', product: 'calendar-feed', language: 'EN' }, ttl: 15 * 60 });
  for (const e of events) {
    const event = calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: e.stamp,
      created: e.created,
      lastModified: e.lastModified ?? null,
      start: e.start,
      end: e.end,
      summary: e.summary,
      status: ICalEventStatus[e.status],
      busystatus: ICalEventBusyStatus[e.busyStatus],
      transparency: e.transparency ? ICalEventTransparency[e.transparency] : null,
      location: e.location ?? null,
      description: e.description ?? null,
    });
    if (e.x?.length) event.x(e.x.map(([key, value]) => ({ key, value })));
  }
  return calendar.toString();
}

const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
// Text with what needs escaping or folding: separators, line breaks, accents, CJK and emoji (surrogate pairs).
const text = fc
  .array(fc.constantFrom('a', 'Z', ' ', ',', ';', '\\', '\n', '\r\n', 'é', '—', '東', '😀', 'Lookbook ', 'Studio Lumière '), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(''));
// Events end after they start (a booking's range is never empty).
const event: fc.Arbitrary<IcsEvent> = fc.record({
  uid: fc.uuid().map((id) => `${id}@twinbook`),
  sequence: fc.nat(50),
  stamp: instant,
  start: instant,
  summary: text,
  transparency: fc.constantFrom(undefined, 'OPAQUE' as const),
  location: fc.option(text),
  description: fc.option(text),
  status: fc.constantFrom('TENTATIVE' as const, 'CONFIRMED' as const, 'CANCELLED' as const),
  busyStatus: fc.constantFrom('BUSY' as const, 'FREE' as const),
  x: fc.constantFrom(undefined, [['X-TWINBOOK-TIME-ZONE', 'Europe/Paris']] as [string, string][]),
  created: instant,
  lastModified: fc.option(instant),
  length: fc.integer({ min: 1, max: 400 * 24 * 3600_000 }),
}).map(({ length, ...e }) => ({ ...e, end: new Date(e.start.getTime() + length) }));

describe('icsText', () => {
  it('writes what ical-generator wrote, line for line', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 5 }), (events) => {
        // ical-generator leaves the calendar's name unescaped; a plain name reads the same either way.
        expect(icsText({ name: 'Ana — twinbook', prodId: { company: 'twinbook', product: 'calendar-feed', language: 'EN' }, refreshMinutes: 15 }, events)).toBe(
          byIcalGenerator('Ana — twinbook', events),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('escapes the calendar name', () => {
    expect(icsText({ name: 'Smith, Jones; Co', prodId: { company: 'a', product: 'b', language: 'EN' }, refreshMinutes: 15 }, [])).toContain('X-WR-CALNAME:Smith\\, Jones\\; Co\r\n');
  });
});

describe('foldLine', () => {
  it.each([
    ['short line', 'SUMMARY:Lookbook', 'SUMMARY:Lookbook'],
    ['74 octets stay on one line', 'X'.repeat(74), 'X'.repeat(74)],
    ['the 75th octet goes on the next', 'X'.repeat(75), `${'X'.repeat(74)}\r\n X`],
    ['a two-octet character is not split', `${'X'.repeat(73)}é`, `${'X'.repeat(73)}\r\n é`],
    ['an emoji (a surrogate pair) is not split', `${'X'.repeat(72)}😀`, `${'X'.repeat(72)}\r\n 😀`],
  ])('%s', (_name, line, folded) => {
    expect(foldLine(line)).toBe(folded);
  });
});
