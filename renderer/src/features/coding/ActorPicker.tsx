import { useId, useState } from 'react';
import type { Actor, ActorKind } from '../../../../shared/model/actor';
import { liaison } from '../../app/transport';
import { useActorMatches } from './use-actor-matches';

/**
 * Choose an actor by typing: names and aliases, fuzzy. Enter takes the first match; "Create …"
 * makes a new actor of the given kind from what was typed.
 */
export function ActorPicker({
  value,
  kinds,
  placeholder,
  onChange,
  testId,
  label,
}: {
  value: Actor | null;
  kinds: ActorKind[];
  placeholder: string;
  onChange: (actor: Actor | null) => void;
  testId: string;
  label: string;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { matches, active, setActive } = useActorMatches(query, open, kinds);
  const listId = useId();

  const create = async () => {
    const name = query.trim();
    if (!name) return;
    const { actor } = await liaison.actors.save({ actor: { kind: kinds[0], name, aliases: [], countryCode: null, roles: [], notes: '' } });
    onChange(actor);
    setOpen(false);
    setQuery('');
  };
  const choose = (a: Actor) => {
    onChange(a);
    setOpen(false);
    setQuery('');
  };

  return (
    <div className="picker">
      <input
        className="input input--small"
        data-testid={testId}
        aria-label={label}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        value={open ? query : (value?.name ?? '')}
        placeholder={placeholder}
        onFocus={() => {
          setOpen(true);
          setQuery('');
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, matches.length));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            if (matches[active]) choose(matches[active]);
            else void create();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && (
        <div className="picker__list" id={listId} role="listbox">
          {matches.map((a, i) => (
            <div key={a.id} role="option" tabIndex={-1} aria-selected={i === active} className={i === active ? 'picker__item picker__item--active' : 'picker__item'} onMouseDown={() => choose(a)}>
              <span>{a.name}</span>
              <span className="muted small">
                {a.kind}
                {a.countryCode ? ` · ${a.countryCode}` : ''}
              </span>
            </div>
          ))}
          {query.trim() && (
            <div role="option" tabIndex={-1} aria-selected={active === matches.length} className={active === matches.length ? 'picker__item picker__item--active' : 'picker__item'} onMouseDown={() => void create()} data-testid={`${testId}-create`}>
              Create {kinds[0]} “{query.trim()}”
            </div>
          )}
        </div>
      )}
    </div>
  );
}
