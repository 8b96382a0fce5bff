import { useId, useState } from 'react';
import type { Actor } from '../../../../shared/model/actor';
import { useActorMatches } from '../coding/use-actor-matches';

/**
 * Filter by actors: type a name or alias (fuzzy, as in the coding screen's ActorPicker), pick one
 * with the arrows and Enter; chosen actors show as chips. Unlike ActorPicker it never creates an
 * actor: a filter that made records as a side effect would surprise.
 */
export function ActorFilter({ selected, names, onChange }: { selected: readonly string[]; names: Record<string, string>; onChange: (ids: string[], names: Record<string, string>) => void }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { matches, active, setActive } = useActorMatches(query, open);
  const listId = useId();

  const choose = (a: Actor) => {
    if (!selected.includes(a.id)) onChange([...selected, a.id], { ...names, [a.id]: a.name });
    setQuery('');
  };
  const remove = (id: string) => onChange(selected.filter((s) => s !== id), names);

  return (
    <div className="actor-filter">
      {selected.map((id) => (
        <span key={id} className="filter-chip" data-testid="actor-filter-chip">
          {names[id] ?? id}
          <button type="button" className="filter-chip__x" aria-label={`Remove ${names[id] ?? 'actor'} from the filter`} onClick={() => remove(id)}>
            ×
          </button>
        </span>
      ))}
      <div className="picker actor-filter__picker">
        <input
          className="input input--small"
          data-testid="filter-actor"
          aria-label="Filter by actor"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          value={query}
          placeholder="Actor…"
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(i + 1, matches.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (matches[active]) choose(matches[active]);
            } else if (e.key === 'Escape') {
              setOpen(false);
            } else if (e.key === 'Backspace' && !query && selected.length) {
              remove(selected[selected.length - 1]);
            }
          }}
        />
        {open && matches.length > 0 && (
          <div className="picker__list" id={listId} role="listbox">
            {matches.map((a, i) => (
              <div
                key={a.id}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'picker__item picker__item--active' : 'picker__item'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(a);
                }}
                data-testid="actor-filter-option"
              >
                <span>{a.name}</span>
                <span className="muted small">
                  {a.kind}
                  {a.countryCode ? ` · ${a.countryCode}` : ''}
                </span>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
