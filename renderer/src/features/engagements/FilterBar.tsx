import { useEffect, useMemo, useState } from 'react';
import type { AnalysisFilter } from '../../../../shared/contract-analysis';
import type { Codebook } from '../../../../shared/model/codebook';
import { liaison } from '../../app/transport';
import { downloadBlob, downloadText } from '../../ui/download';
import { ActorFilter } from './ActorFilter';
import { MultiSelect, type Option, useClosingMenu } from './MultiSelect';
import type { GroupBy } from './view-state';

const STATUSES = ['draft', 'coded', 'in-review', 'disputed', 'final', 'adjudicated'] as const;
const STATUS_OPTIONS: Option[] = STATUSES.map((s) => ({ key: s, label: s }));
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const GROUPINGS: { by: GroupBy | null; label: string }[] = [
  { by: null, label: 'None' },
  { by: 'country-pair', label: 'Country pair' },
  { by: 'type', label: 'Type' },
  { by: 'topic', label: 'Topic' },
  { by: 'month', label: 'Month' },
  { by: 'year', label: 'Year' },
];

/**
 * A partial date (2023, 2023-04, 2023-04-04). The field keeps what is typed; the filter takes it
 * once it is a whole date or empty, so typing "202" does not clear the box or filter on nonsense.
 */
export function DateField({ label, value, onChange, testId }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void; testId: string }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const invalid = text !== '' && !DATE.test(text);
  return (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <input
        className={`input input--small input--date${invalid ? ' input--invalid' : ''}`}
        placeholder="YYYY-MM"
        value={text}
        aria-invalid={invalid}
        title={invalid ? 'A date like 2023, 2023-04 or 2023-04-04' : undefined}
        data-testid={testId}
        onChange={(e) => {
          const v = e.target.value.trim();
          setText(e.target.value);
          if (v === '') onChange(undefined);
          else if (DATE.test(v)) onChange(v);
        }}
      />
    </label>
  );
}

/** Set one list of the filter; an empty list is no filter at all. */
function withList<K extends 'types' | 'topics' | 'statuses' | 'countries' | 'actorIds'>(f: AnalysisFilter, key: K, values: string[]): AnalysisFilter {
  const next = { ...f } as Record<string, unknown>;
  if (values.length) next[key] = values;
  else delete next[key];
  return next as AnalysisFilter;
}

export function FilterBar({
  filter,
  onFilter,
  codebook,
  actorNames,
  onActorNames,
}: {
  filter: AnalysisFilter;
  onFilter: (f: AnalysisFilter) => void;
  codebook: Codebook | null;
  actorNames: Record<string, string>;
  onActorNames: (names: Record<string, string>) => void;
}) {
  const [countries, setCountries] = useState<Option[]>([]);
  useEffect(() => {
    void liaison.actors.countries({}).then((list) => setCountries(list.map((c) => ({ key: c.code, label: c.name, hint: c.code })).sort((a, b) => a.label.localeCompare(b.label))));
  }, []);
  // Retired values stay offered: old records still carry them.
  const types = useMemo<Option[]>(() => codebook?.types.map((t) => ({ key: t.key, label: t.label, hint: t.retired ? 'retired' : undefined })) ?? [], [codebook]);
  const topics = useMemo<Option[]>(() => codebook?.topics.map((t) => ({ key: t.key, label: t.label, hint: t.retired ? 'retired' : undefined })) ?? [], [codebook]);

  return (
    <div className="eng-filters" data-testid="engagement-filters">
      <DateField label="From" value={filter.from} onChange={(from) => onFilter({ ...filter, from })} testId="filter-from" />
      <DateField label="To" value={filter.to} onChange={(to) => onFilter({ ...filter, to })} testId="filter-to" />
      <MultiSelect label="Type" options={types} selected={filter.types ?? []} onChange={(v) => onFilter(withList(filter, 'types', v))} testId="filter-types" optionTestId="filter-type" />
      <MultiSelect label="Topic" options={topics} selected={filter.topics ?? []} onChange={(v) => onFilter(withList(filter, 'topics', v))} testId="filter-topics" optionTestId="filter-topic" searchable={topics.length > 12} />
      <MultiSelect label="Country" options={countries} selected={filter.countries ?? []} onChange={(v) => onFilter(withList(filter, 'countries', v))} testId="filter-countries" optionTestId="filter-country" searchable />
      <MultiSelect label="Status" options={STATUS_OPTIONS} selected={filter.statuses ?? []} onChange={(v) => onFilter(withList(filter, 'statuses', v as (typeof STATUSES)[number][]))} testId="filter-statuses" optionTestId="filter-status" />
      <ActorFilter
        selected={filter.actorIds ?? []}
        names={actorNames}
        onChange={(ids, names) => {
          onActorNames(names);
          onFilter(withList(filter, 'actorIds', ids));
        }}
      />
    </div>
  );
}

type ExportFormat = 'csv' | 'xlsx' | 'json' | 'plover' | 'dyads';

/** The filtered engagements as a file, made in main; XLSX comes as base64. */
export function ExportMenu({ filter }: { filter: AnalysisFilter }) {
  const menu = useClosingMenu();
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    menu.setOpen(false);
    setError(null);
    try {
      const f = await liaison.analysis.export({ format, filter });
      if (f.base64) downloadBlob(f.fileName, new Blob([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], { type: f.mime }));
      else downloadText(f.fileName, f.text ?? '', f.mime);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      {error && (
        <span className="form-error small" role="alert">
          Export failed: {error}
        </span>
      )}
      <details className="menu" ref={menu.ref} open={menu.open} onToggle={(e) => menu.setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary className="btn btn--small" data-testid="export-menu" title="Export the engagements the filters show">
          Export
        </summary>
        <div className="menu__list">
          <button type="button" data-testid="export-csv" onClick={() => void run('csv')}>
            CSV (one row per engagement)
          </button>
          <button type="button" data-testid="export-xlsx" onClick={() => void run('xlsx')}>
            Excel workbook (XLSX)
          </button>
          <button type="button" data-testid="export-json" onClick={() => void run('json')}>
            JSON with evidence spans
          </button>
          <hr />
          <button type="button" data-testid="export-plover" onClick={() => void run('plover')}>
            PLOVER-style JSON
          </button>
          <button type="button" data-testid="export-dyads" onClick={() => void run('dyads')}>
            CAMEO-style dyads (CSV)
          </button>
        </div>
      </details>
    </>
  );
}

export function GroupBySwitch({ value, onChange }: { value: GroupBy | null; onChange: (by: GroupBy | null) => void }) {
  return (
    <fieldset className="seg eng-groupby" aria-label="Group by">
      <span className="field__label eng-groupby__label">Group by</span>
      {GROUPINGS.map((g) => (
        <button
          key={g.by ?? 'none'}
          type="button"
          className={`seg__btn${value === g.by ? ' seg__btn--on' : ''}`}
          aria-pressed={value === g.by}
          data-testid={`group-by-${g.by ?? 'none'}`}
          onClick={() => onChange(g.by)}
        >
          {g.label}
        </button>
      ))}
    </fieldset>
  );
}
