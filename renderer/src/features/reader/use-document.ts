import { useEffect } from 'react';
import type { DocumentDetail } from '../../../../shared/model/library';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';

/** One document in full (with the search's hits in it); reloaded when documents change. */
export function useDocument(id: string, query: string): { doc: DocumentDetail | undefined; error: Error | undefined } {
  const q = query.trim();
  const state = useAsync(() => liaison.documents.get(q ? { id, query: q } : { id }), `${id}\u0000${q}`);
  const reload = state.reload;
  useEffect(() => subscribe('db.changed', ({ tables }) => tables.includes('documents') && reload()), [reload]);
  return { doc: state.data, error: state.error };
}
