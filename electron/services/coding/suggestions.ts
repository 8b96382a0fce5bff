import { suggestInText } from '../../../shared/actors/suggest';
import { AppError } from '../../../shared/errors';
import type { TextSuggestion } from '../../../shared/model/actor';
import { prepared } from '../../store/prepared';
import { allActors } from '../../store/repos/actors';
import { type AppContext, requireStore } from '../context';

/** Offline suggestions for a document, skipping its boilerplate. */
export function suggestions(ctx: AppContext, args: { documentId: string }): TextSuggestion[] {
  const { db } = requireStore(ctx);
  const doc = prepared<[string], { rowid: number; text: string; published_at: string | null }>(db, 'SELECT rowid, text, published_at FROM documents WHERE id = ?').get(args.documentId);
  if (!doc) throw new AppError('not-found', `There is no document ${args.documentId} in this project.`);
  const exclude = prepared<[number], { start: number; end: number }>(db, "SELECT start, end FROM text_ranges WHERE document_rowid = ? AND kind = 'boilerplate'").all(doc.rowid);
  return suggestInText(doc.text, { actors: allActors(db), publishedAt: doc.published_at, exclude });
}
