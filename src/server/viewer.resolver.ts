import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../core/context';
import { actorId, Role } from '../core/viewer';

@ObjectType({ description: 'Who the bearer token says is asking.' })
export class ViewerInfo {
  @Field(() => Role, { description: 'The role granted.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The agency, brand or model acted for; null for an admin.' })
  actsFor!: string | null;
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerInfo, { nullable: true, description: 'Who is asking; null without a bearer token.' })
  viewer(@Ctx() ctx: RequestContext): ViewerInfo | null {
    return ctx.viewer ? { role: ctx.viewer.role, actsFor: actorId(ctx.viewer) } : null;
  }
}
