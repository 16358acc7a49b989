import { registerEnumType } from 'type-graphql';

export enum BookingType {
  PHYSICAL = 'PHYSICAL',
  DIGITAL = 'DIGITAL',
}
registerEnumType(BookingType, {
  name: 'BookingType',
  description: 'How the model works on a booking.',
  valuesConfig: {
    PHYSICAL: { description: 'In person: a shoot, a show, a fitting, a casting. Never clashes with another confirmed physical booking.' },
    DIGITAL: { description: 'Work produced by her digital twin. Runs alongside anything else.' },
  },
});

export enum BookingStatus {
  OPTION = 'OPTION',
  CONFIRMED = 'CONFIRMED',
  COMPLETED = 'COMPLETED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(BookingStatus, {
  name: 'BookingStatus',
  description: 'Where a booking is in its lifecycle: OPTION → CONFIRMED → COMPLETED, or one of the terminal states.',
  valuesConfig: {
    OPTION: { description: 'A tentative hold, ranked among the live options that overlap it.' },
    CONFIRMED: { description: 'Booked. A confirmed physical booking blocks its range for the model.' },
    COMPLETED: { description: 'The work was done.' },
    RELEASED: { description: 'An option given up by its holder, or released when another booking was confirmed over it.' },
    EXPIRED: { description: 'An option that ran past its expiry without being confirmed.' },
    DECLINED: { description: 'An option the agency turned down.' },
    CANCELLED: { description: 'Called off by either side.' },
  },
});

/** The statuses in which a booking still holds its slot. */
export const LIVE_STATUSES: readonly BookingStatus[] = [BookingStatus.OPTION, BookingStatus.CONFIRMED];
