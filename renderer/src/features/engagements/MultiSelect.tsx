import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';

export interface Option {
  key: string;
  label: string;
  hint?: string;
}

/** A <details> menu that closes on a click outside it or Escape, as menus do. */
export function useClosingMenu(): { ref: RefObject<HTMLDetailsElement | null>; open: boolean; setOpen: (open: boolean) => void } {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return { ref, open, setOpen };
}

/**
 * A filter over a list of values: a button naming what is chosen, opening a list of checkboxes
 * (with a search box when the list is long).
 */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  testId,
  optionTestId,
  searchable = false,
  footer,
}: {
  label: string;
  options: Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  testId: string;
  optionTestId: string;
  searchable?: boolean;
  footer?: ReactNode;
}) {
  const menu = useClosingMenu();
  const [query, setQuery] = useState('');
  const chosen = options.filter((o) => selected.includes(o.key));
  const summary = selected.length === 0 ? label : selected.length === 1 ? `${label}: ${chosen[0]?.label ?? selected[0]}` : `${label}: ${selected.length}`;
  const q = query.trim().toLowerCase();
  const shown = q ? options.filter((o) => o.label.toLowerCase().includes(q) || o.key.toLowerCase().includes(q)) : options;
  const toggle = (key: string) => onChange(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <details
      className="menu filter-menu"
      ref={menu.ref}
      open={menu.open}
      onToggle={(e) => {
        const open = (e.currentTarget as HTMLDetailsElement).open;
        menu.setOpen(open);
        if (!open) setQuery('');
      }}
    >
      <summary className={`btn btn--small filter-menu__button${selected.length ? ' filter-menu__button--on' : ''}`} data-testid={testId} title={chosen.map((o) => o.label).join(', ') || undefined}>
        {summary}
        <span className="filter-menu__caret" aria-hidden="true">
          ▾
        </span>
      </summary>
      <div className="menu__list filter-menu__list">
        {searchable && (
          <input
            className="input input--small filter-menu__search"
            placeholder="Search…"
            aria-label={`Search ${label.toLowerCase()}`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid={`${testId}-search`}
            autoFocus
          />
        )}
        <div className="filter-menu__options">
          {shown.map((o) => (
            <label key={o.key} className="filter-menu__option">
              <input type="checkbox" checked={selected.includes(o.key)} onChange={() => toggle(o.key)} data-testid={`${optionTestId}-${o.key}`} />
              <span className="filter-menu__label">{o.label}</span>
              {o.hint && <span className="filter-menu__hint">{o.hint}</span>}
            </label>
          ))}
          {shown.length === 0 && <p className="muted small filter-menu__empty">Nothing matches.</p>}
        </div>
        {(selected.length > 0 || footer) && (
          <div className="filter-menu__foot">
            {footer}
            {selected.length > 0 && (
              <button type="button" className="btn btn--ghost btn--small" onClick={() => onChange([])}>
                Clear
              </button>
            )}
          </div>
        )}
      </div>
    </details>
  );
}
