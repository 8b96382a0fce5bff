import { useEffect } from 'react';
import type { DocumentFacets, DocumentFilters } from '../../../../shared/model/library';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';

/** Facet counts for the current search and filters; reloaded when documents change. */
export function useFacets(filters: DocumentFilters): { data: DocumentFacets | undefined; error: Error | undefined } {
  const key = JSON.stringify(filters);
  const facets = useAsync(() => liaison.documents.facets(JSON.parse(key) as DocumentFilters), key);
  const reload = facets.reload;
  useEffect(() => subscribe('db.changed', ({ tables }) => (tables.includes('documents') || tables.includes('engagements')) && reload()), [reload]);
  return { data: facets.data, error: facets.error };
}
