import { useEffect, useRef, useState } from 'react';
import { COLUMN_LABELS, type ColumnId, type ColumnLayout } from './column-layout';

interface Props {
  layout: ColumnLayout;
  onLayout: (change: (l: ColumnLayout) => ColumnLayout) => void;
  onReset: () => void;
}

function move(order: ColumnId[], id: ColumnId, delta: -1 | 1): ColumnId[] {
  const at = order.indexOf(id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= order.length) return order;
  const next = [...order];
  [next[at], next[to]] = [next[to], next[at]];
  return next;
}

/**
 * Which columns the library shows and in what order: the keyboard's way to what the headers do
 * with the mouse (drag to reorder, drag an edge to resize). Remembered per project.
 */
export function ColumnsMenu({ layout, onLayout, onReset }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Esc closes the menu, not the library's selection or reader behind it.
      e.preventDefault();
      e.stopImmediatePropagation();
      setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    // Capture, so this runs before the library's own Esc.
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  const shown = layout.order.filter((id) => !layout.hidden.includes(id)).length;
  return (
    <div className="columns-menu" ref={root}>
      <button type="button" className="btn btn--ghost btn--small" aria-expanded={open} aria-controls="columns-menu" data-testid="columns-menu-toggle" onClick={() => setOpen(!open)} title="Show, hide and order the columns">
        Columns
      </button>
      {open && (
        <div className="columns-menu__panel" id="columns-menu" data-testid="columns-menu">
          <ul className="columns-menu__list">
            {layout.order.map((id, i) => {
              const visible = !layout.hidden.includes(id);
              return (
                <li key={id} className="columns-menu__item">
                  <label className="columns-menu__label">
                    <input
                      type="checkbox"
                      checked={visible}
                      // The last visible column stays: a table of no columns helps nobody.
                      disabled={visible && shown === 1}
                      data-testid={`column-toggle-${id}`}
                      onChange={() => onLayout((l) => ({ ...l, hidden: visible ? [...l.hidden, id] : l.hidden.filter((h) => h !== id) }))}
                    />
                    {COLUMN_LABELS[id]}
                  </label>
                  <button type="button" className="columns-menu__move" disabled={i === 0} aria-label={`Move ${COLUMN_LABELS[id]} left`} data-testid={`column-up-${id}`} onClick={() => onLayout((l) => ({ ...l, order: move(l.order, id, -1) }))}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="columns-menu__move"
                    disabled={i === layout.order.length - 1}
                    aria-label={`Move ${COLUMN_LABELS[id]} right`}
                    data-testid={`column-down-${id}`}
                    onClick={() => onLayout((l) => ({ ...l, order: move(l.order, id, 1) }))}
                  >
                    ↓
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="columns-menu__foot">
            <span className="muted small">Drag headers to reorder, their edges to resize.</span>
            <button type="button" className="btn btn--ghost btn--small" data-testid="columns-reset" onClick={onReset}>
              Reset
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
