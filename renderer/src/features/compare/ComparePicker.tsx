import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DocumentDetail, DocumentRow } from '../../../../shared/model/library';
import { liaison } from '../../app/transport';
import { Highlighted } from '../library/Highlighted';

interface Props {
  /** The article open in the reader: the one to compare. */
  doc: DocumentDetail;
  onPick: (id: string) => void;
  onClose: () => void;
}

interface Choice {
  row: DocumentRow;
  titleHighlighted?: string;
  note?: string;
}

const DEBOUNCE_MS = 200;
const LIMIT = 30;

/**
 * "Compare with…": choose the other document. Its duplicate set comes first; typing searches
 * titles and text (the library's search syntax). Arrows move, Enter picks, Esc closes.
 */
export function ComparePicker({ doc, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; rows: Choice[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFound(null);
      setError(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      liaison.documents.list({ query: q, limit: LIMIT }).then(
        (page) => {
          if (!live) return;
          setError(null);
          setFound({
            query: q,
            total: page.total,
            rows: page.rows.filter((r) => r.id !== doc.id).map((r) => ({ row: r, ...(r.titleHighlighted ? { titleHighlighted: r.titleHighlighted } : {}) })),
          });
        },
        (err: Error) => live && setError(err.message),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, doc.id]);

  const duplicates = useMemo<Choice[]>(
    () => doc.duplicates.map((d) => ({ row: d, note: `${d.isPrimary ? 'primary of the duplicate set' : 'same duplicate set'}${d.similarity !== null ? ` · ${Math.round(d.similarity * 100)}% alike` : ''}` })),
    [doc.duplicates],
  );
  const choices = query.trim() ? (found?.rows ?? []) : duplicates;
  const at = Math.min(active, Math.max(0, choices.length - 1));

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside the dialog closes it, as Esc does
    <div className="modal-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal compare-picker" role="dialog" aria-modal="true" aria-labelledby={`${listId}-title`} data-testid="compare-picker">
        <header className="modal__header">
          <h2 id={`${listId}-title`}>Compare with…</h2>
          <p className="muted small compare-picker__of">{doc.title ?? 'Untitled'}</p>
        </header>
        <div className="modal__body compare-picker__body">
          <input
            ref={input}
            className="input"
            type="search"
            placeholder="Search titles and text"
            aria-label="Search for the document to compare with"
            aria-controls={listId}
            data-testid="compare-picker-search"
            spellCheck={false}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                onClose();
              } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                if (choices.length) setActive((at + (e.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length);
              } else if (e.key === 'Enter' && choices[at]) {
                e.preventDefault();
                onPick(choices[at].row.id);
              }
            }}
          />
          {error && (
            <p className="form-error small" role="alert" data-testid="compare-picker-error">
              {error}
            </p>
          )}
          <p className="muted small compare-picker__hint">
            {query.trim()
              ? found && found.query === query.trim()
                ? `${found.total.toLocaleString()} ${found.total === 1 ? 'match' : 'matches'}${found.total > LIMIT ? `, the best ${LIMIT} shown` : ''}`
                : 'Searching…'
              : duplicates.length
                ? 'Its duplicate set; or type to search the library.'
                : 'Type to search the library for the other document.'}
          </p>
          <ul className="compare-picker__list" id={listId} aria-label="Documents">
            {choices.map((c, i) => (
              <li key={c.row.id}>
                <button
                  type="button"
                  className={`compare-picker__item${i === at ? ' compare-picker__item--active' : ''}`}
                  aria-current={i === at ? 'true' : undefined}
                  data-testid="compare-picker-item"
                  data-id={c.row.id}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => onPick(c.row.id)}
                >
                  <span className="compare-picker__title">{c.titleHighlighted ? <Highlighted marked={c.titleHighlighted} /> : (c.row.title ?? 'Untitled')}</span>
                  <span className="compare-picker__meta">{[c.row.outlet, c.row.publishedAt?.slice(0, 10), c.note].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <footer className="modal__footer compare-picker__foot">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </footer>
      </div>
    </div>
  );
}
