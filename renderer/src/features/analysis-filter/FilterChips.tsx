import { useEffect, useState } from 'react';
import type { AnalysisFilter } from '../../../../shared/contract-analysis';
import type { Codebook } from '../../../../shared/model/codebook';
import { liaison } from '../../app/transport';
import { analysisFilter, isEmptyFilter, type SharedAnalysisFilter } from './store';

interface Chip {
  key: string;
  kind: 'period' | 'type' | 'topic' | 'country' | 'status' | 'actor' | 'selection';
  label: string;
  remove: () => void;
}

let countryNames: Promise<Map<string, string>> | null = null;
function useCountryNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    countryNames ??= liaison.actors.countries({}).then((list) => new Map(list.map((c) => [c.code, c.name])));
    void countryNames.then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, []);
  return names;
}

const without = (f: AnalysisFilter, key: 'types' | 'topics' | 'countries' | 'statuses' | 'actorIds', value: string): AnalysisFilter => ({
  ...f,
  [key]: (f[key] as string[] | undefined)?.filter((v) => v !== value),
});

/** Every filter in force, whichever section set it, as chips that remove it; and one "Clear filters". */
function chipsOf(s: SharedAnalysisFilter, codebook: Codebook | null, countries: Map<string, string>): Chip[] {
  const f = s.filter;
  const set = analysisFilter.setFilter;
  const chips: Chip[] = [];
  if (f.from || f.to) {
    const label = f.from && f.to ? (f.from === f.to ? f.from : `${f.from} – ${f.to}`) : f.from ? `from ${f.from}` : `until ${f.to}`;
    chips.push({ key: 'period', kind: 'period', label: `Period: ${label}`, remove: () => analysisFilter.setDates(undefined, undefined) });
  }
  const label = (list: { key: string; label: string }[] | undefined, key: string) => list?.find((x) => x.key === key)?.label ?? key;
  for (const t of f.types ?? []) chips.push({ key: `type:${t}`, kind: 'type', label: `Type: ${label(codebook?.types, t)}`, remove: () => set(without(analysisFilter.get().filter, 'types', t)) });
  for (const t of f.topics ?? []) chips.push({ key: `topic:${t}`, kind: 'topic', label: `Topic: ${label(codebook?.topics, t)}`, remove: () => set(without(analysisFilter.get().filter, 'topics', t)) });
  for (const c of f.countries ?? []) chips.push({ key: `country:${c}`, kind: 'country', label: `Country: ${countries.get(c) ?? c}`, remove: () => set(without(analysisFilter.get().filter, 'countries', c)) });
  for (const st of f.statuses ?? []) chips.push({ key: `status:${st}`, kind: 'status', label: `Status: ${st}`, remove: () => set(without(analysisFilter.get().filter, 'statuses', st)) });
  for (const a of f.actorIds ?? []) chips.push({ key: `actor:${a}`, kind: 'actor', label: `Actor: ${s.actorNames[a] ?? a}`, remove: () => set(without(analysisFilter.get().filter, 'actorIds', a)) });
  if (s.selection) {
    const what = s.selection.kind === 'edge' ? 'Link' : 'Node';
    const n = s.selection.engagementIds.length;
    chips.push({ key: 'selection', kind: 'selection', label: `${what}: ${s.selection.label} (${n})`, remove: () => analysisFilter.setSelection(null) });
  }
  return chips;
}

/**
 * The filters in force across the Engagements table and the Network (one shared filter), shown the
 * same way in both sections so a filter set in one is visible, and removable, in the other.
 */
export function FilterChips({ state, codebook }: { state: SharedAnalysisFilter; codebook: Codebook | null }) {
  const countries = useCountryNames();
  if (isEmptyFilter(state.filter) && !state.selection) return null;
  const chips = chipsOf(state, codebook, countries);
  return (
    <fieldset className="filter-chips" data-testid="filter-chips" aria-label="Filters in force (the table and the network share them)">
      <span className="field__label">Filters</span>
      {chips.map((c) => (
        <span key={c.key} className={`filter-chip${c.kind === 'selection' ? ' filter-chip--selection' : ''}`} data-testid="filter-chip" data-kind={c.kind}>
          {c.label}
          <button type="button" className="filter-chip__x" aria-label={`Remove ${c.label}`} data-testid="filter-chip-remove" onClick={c.remove}>
            ×
          </button>
        </span>
      ))}
      <button type="button" className="btn btn--ghost btn--small" data-testid="filter-clear" onClick={analysisFilter.clear}>
        Clear filters
      </button>
    </fieldset>
  );
}
