import { memo, useRef, useState } from 'react';
import type { DocumentFormat } from '../../../../shared/model/document';
import type { CodingStatus, DocumentFacets, DocumentFilters, DuplicateStatus, FacetValue } from '../../../../shared/model/library';

export type Filters = Omit<DocumentFilters, 'query'>;

const numberFormat = new Intl.NumberFormat();
/** Outlets shown before "Show all". */
const OUTLETS_SHOWN = 8;

function toggle<T extends string>(list: T[] | undefined, value: T): T[] | undefined {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
}

function FacetGroup({
  title,
  facet,
  values,
  isActive,
  onPick,
  limit,
}: {
  title: string;
  facet: string;
  values: FacetValue[];
  isActive: (v: string) => boolean;
  onPick: (v: string) => void;
  limit?: number;
}) {
  const [all, setAll] = useState(false);
  if (values.length === 0) return null;
  // Chosen values stay visible even when they fall outside the first few.
  const shown = limit && !all ? values.filter((v, i) => i < limit || isActive(v.value)) : values;
  return (
    <section className="facet" data-testid={`facet-${facet}`}>
      <h3 className="facet__title">{title}</h3>
      <ul className="facet__list">
        {shown.map((v) => (
          <li key={v.value}>
            <button
              type="button"
              className={`facet__value${isActive(v.value) ? ' facet__value--active' : ''}`}
              aria-pressed={isActive(v.value)}
              data-testid={`facet-${facet}-value`}
              data-value={v.value}
              onClick={() => onPick(v.value)}
              title={v.label}
            >
              <span className="facet__label">{v.label}</span>
              <span className="facet__count">{numberFormat.format(v.count)}</span>
            </button>
          </li>
        ))}
      </ul>
      {limit && values.length > limit && (
        <button type="button" className="btn btn--ghost btn--small facet__more" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      )}
    </section>
  );
}

interface Props {
  facets: DocumentFacets | undefined;
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** The search cannot be understood: there are no counts to show for it. */
  badQuery?: boolean;
}

/** Counts beside the table: each facet follows the search and the other facets' choices. */
export const FacetsPanel = memo(function FacetsPanel({ facets: fresh, filters, onChange, badQuery = false }: Props) {
  // Keep the last counts while new ones load.
  const last = useRef<DocumentFacets | undefined>(undefined);
  if (fresh) last.current = fresh;
  const facets = last.current;
  if (badQuery) {
    // The last counts belong to another search: they would pass for this one's.
    return (
      <aside className="facets" aria-label="Filters" data-testid="facets">
        <div className="facets__head">
          <h2 className="facets__title">Filters</h2>
        </div>
        <p className="facet__note muted" data-testid="facets-none">
          Fix the search to see what it can be narrowed by.
        </p>
      </aside>
    );
  }
  if (!facets) return <aside className="facets" aria-label="Filters" data-testid="facets" />;
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const year = filters.published && filters.published !== 'none' ? filters.published.slice(0, 4) : null;
  const filtered = Object.keys(filters).length > 0;
  return (
    <aside className="facets" aria-label="Filters" data-testid="facets">
      <div className="facets__head">
        <h2 className="facets__title">Filters</h2>
        {filtered && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="clear-filters" onClick={() => onChange({})} title={`Show all (${numberFormat.format(facets.total)} match now)`}>
            Clear
          </button>
        )}
      </div>
      {facets.total === 0 && (
        <p className="facet__note muted" data-testid="facets-none">
          Nothing matches, so there is nothing to narrow. Change the search{filtered ? ' or clear the filters' : ''}.
        </p>
      )}
      <FacetGroup
        title="Published"
        facet="year"
        values={facets.years}
        isActive={(v) => v === year || v === filters.published}
        onPick={(v) => set({ published: filters.published === v || year === v ? undefined : v })}
      />
      {year && facets.months.length > 0 && (
        <FacetGroup
          title={`Months of ${year}`}
          facet="month"
          values={facets.months}
          isActive={(v) => v === filters.published}
          onPick={(v) => set({ published: filters.published === v ? year : v })}
        />
      )}
      <FacetGroup
        title="Outlet"
        facet="outlet"
        values={facets.outlets}
        limit={OUTLETS_SHOWN}
        isActive={(v) => filters.outlets?.includes(v) ?? false}
        onPick={(v) => set({ outlets: toggle(filters.outlets, v) })}
      />
      {facets.outletsMore > 0 && <p className="facet__note muted">and {numberFormat.format(facets.outletsMore)} rarer outlets; search to find them</p>}
      <FacetGroup title="Import" facet="batch" values={facets.batches} isActive={(v) => filters.batchIds?.includes(v) ?? false} onPick={(v) => set({ batchIds: toggle(filters.batchIds, v) })} />
      <FacetGroup
        title="Format"
        facet="format"
        values={facets.formats}
        isActive={(v) => filters.formats?.includes(v as DocumentFormat) ?? false}
        onPick={(v) => set({ formats: toggle(filters.formats, v as DocumentFormat) })}
      />
      <FacetGroup
        title="Duplicates"
        facet="duplicates"
        values={facets.duplicates}
        isActive={(v) => filters.duplicates?.includes(v as DuplicateStatus) ?? false}
        onPick={(v) => set({ duplicates: toggle(filters.duplicates, v as DuplicateStatus) })}
      />
      <FacetGroup
        title="Coding"
        facet="coding"
        values={facets.coding}
        isActive={(v) => filters.coding?.includes(v as CodingStatus) ?? false}
        onPick={(v) => set({ coding: toggle(filters.coding, v as CodingStatus) })}
      />
      <FacetGroup
        title="Relevance"
        facet="excluded"
        values={facets.excluded}
        isActive={(v) => filters.excluded !== undefined && String(filters.excluded) === v}
        onPick={(v) => set({ excluded: filters.excluded !== undefined && String(filters.excluded) === v ? undefined : v === 'true' })}
      />
    </aside>
  );
});
