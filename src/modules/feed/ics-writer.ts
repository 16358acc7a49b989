/*
 * iCalendar (RFC 5545) text for the feeds, written directly. ical-generator wrote the same lines, but its line folding
 * builds a TextEncoder for every character of the output: a feed of 5,000 events took seconds of CPU. The lines, their
 * order, escaping and folding are the ones it wrote (ics-writer.test.ts holds the two side by side).
 */

export type IcsStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

export interface IcsEvent {
  uid: string;
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  /** OPAQUE for time that is taken; left out, calendar apps take the default (opaque). */
  transparency?: 'OPAQUE' | 'TRANSPARENT';
  location?: string | null;
  description?: string | null;
  status: IcsStatus;
  /** Outlook's busy status. */
  busyStatus: 'BUSY' | 'FREE';
  /** Extra `X-` properties, in order. */
  x?: [key: string, value: string][];
  created: Date;
  lastModified?: Date | null;
}

export interface IcsCalendar {
  name: string;
  /** PRODID's parts: -//company//product//language. */
  prodId: { company: string; product: string; language: string };
  /** How often calendar apps should poll, in whole minutes. */
  refreshMinutes: number;
}

/** TEXT escaping: backslash, semicolon and comma escaped, line breaks as \n. */
export const escapeText = (value: string): string => value.replace(/[\\;,]/g, (m) => `\\${m}`).replace(/(?:\r\n|\r|\n)/g, '\\n');

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** UTC date-time form, whole seconds: 20260329T010000Z. */
export const icsDate = (d: Date): string =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/** Octets of the UTF-16 unit at `i` alone in UTF-8; a surrogate alone is written as U+FFFD (3 octets). */
function unitOctets(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  return 3;
}

/** Octets of one character (a surrogate pair is one) in UTF-8, and how many UTF-16 units it takes. */
function octets(line: string, i: number): { length: number; chars: number } {
  const c = line.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= line.length) return { length: unitOctets(c), chars: 1 };
  const next = line.charCodeAt(i + 1);
  if (next >= 0xdc00 && next <= 0xdfff) return { length: 4, chars: 2 };
  // A high surrogate without its pair is read together with the unit after it, as before.
  return { length: 3 + unitOctets(next), chars: 2 };
}

/** Folds a content line so that no line passes 75 octets: a CRLF and a space before the octet that would pass 74. */
export function foldLine(line: string): string {
  // Most lines are short ASCII: nothing to fold.
  if (line.length <= 24) return line;
  let out = '';
  let count = 0;
  let from = 0;
  for (let i = 0; i < line.length; ) {
    const { length, chars } = octets(line, i);
    count += length;
    if (count > 74) {
      out += `${line.slice(from, i)}\r\n `;
      from = i;
      count = length;
    }
    i += chars;
  }
  return out + line.slice(from);
}

/** The calendar's text: its head, then each event; lines joined by CRLF, with no line break after the last. */
export function icsText(calendar: IcsCalendar, events: Iterable<IcsEvent>): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${calendar.prodId.company}//${calendar.prodId.product}//${calendar.prodId.language}`,
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`,
    `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${icsDate(e.stamp)}`,
      `DTSTART:${icsDate(e.start)}`,
      `DTEND:${icsDate(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.transparency) lines.push(`TRANSP:${e.transparency}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push(`STATUS:${e.status}`, `X-MICROSOFT-CDO-BUSYSTATUS:${e.busyStatus}`);
    for (const [key, value] of e.x ?? []) lines.push(`${key}:${escapeText(value)}`);
    lines.push(`CREATED:${icsDate(e.created)}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${icsDate(e.lastModified)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n');
}
