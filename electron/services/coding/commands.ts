import type { CodingCommand } from '../../../shared/contract-coding';
import type { AppContext } from '../context';
import * as actors from './actors';
import * as engagements from './engagements';

/** Undo and redo: apply a command, answer the command that reverses it. */
export function apply(ctx: AppContext, args: { command: CodingCommand }): { inverse: CodingCommand } {
  const c = args.command;
  switch (c.op) {
    case 'engagement.save':
      return { inverse: engagements.saveEngagement(ctx, c.engagement).inverse };
    case 'engagement.delete':
      return engagements.deleteEngagement(ctx, { id: c.id });
    case 'actor.save':
      return { inverse: actors.save(ctx, { actor: c.actor }).inverse };
    case 'actor.delete':
      return actors.remove(ctx, { id: c.id });
    case 'actor.merge':
      return actors.merge(ctx, { sourceId: c.sourceId, targetId: c.targetId });
    case 'actor.unmerge':
      return actors.unmerge(ctx, { id: c.id });
  }
}
