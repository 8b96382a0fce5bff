import type { codingCalls } from '../../../shared/contract-coding';
import type { Handler } from '../router';
import * as actors from './actors';
import * as codebooks from './codebooks';
import * as commands from './commands';
import * as engagements from './engagements';
import { suggestions } from './suggestions';

/** The services behind the coding calls (spread into the router's handler map). */
export const codingHandlers: { [N in keyof typeof codingCalls]: Handler<N> } = {
  'codebooks.active': codebooks.activeCodebook,
  'codebooks.presets': codebooks.presets,
  'codebooks.list': codebooks.list,
  'codebooks.save': codebooks.save,
  'codebooks.import': codebooks.importCodebook,
  'codebooks.export': codebooks.exportCodebook,
  'engagements.forDocument': engagements.forDocument,
  'engagements.get': engagements.get,
  'engagements.list': engagements.list,
  'engagements.save': (ctx, input) => engagements.saveEngagement(ctx, input.engagement),
  'engagements.delete': engagements.deleteEngagement,
  'coding.apply': commands.apply,
  'actors.list': actors.list,
  'actors.get': actors.get,
  'actors.save': actors.save,
  'actors.country': actors.country,
  'actors.countries': actors.countries,
  'actors.merge': actors.merge,
  'actors.split': actors.split,
  'actors.participations': actors.participations,
  'documents.suggestions': suggestions,
};
