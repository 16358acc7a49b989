import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { newId } from '../../common/ids';
import { Role } from '../../core/viewer';
import { PhysicalBooking } from './booking.entity';

/**
 * An agency's challenge of a 1st option on behalf of a lower one: the holder must confirm or release by `deadline`.
 * The challenge brings the option's expiry forward to the deadline, so the effective status, the ranks and the sweep
 * need nothing of their own; what the expiry was before is kept here.
 */
@Entity({ tableName: 'option_challenge' })
@Index({ properties: ['booking', 'createdAt'] })
@Index({ properties: ['onBehalfOf', 'createdAt'] })
export class OptionChallenge {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The 1st option challenged. */
  @ManyToOne(() => PhysicalBooking, { ref: true, deleteRule: 'cascade' })
  booking!: Ref<PhysicalBooking>;

  /** The lower option the agency speaks for. */
  @ManyToOne(() => PhysicalBooking, { ref: true, deleteRule: 'cascade' })
  onBehalfOf!: Ref<PhysicalBooking>;

  @Property({ type: 'datetime' })
  deadline!: Date;

  /** The challenged option's expiry before the challenge; null when it had none. */
  @Property({ type: 'datetime', nullable: true })
  expiryBefore: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Enum({ items: () => Role })
  actorRole!: Role;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;
}
