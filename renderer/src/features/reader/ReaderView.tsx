import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../../shared/model/library';
import { liaison } from '../../app/transport';
import { ComparePicker } from '../compare/ComparePicker';
import { ArticleText } from './ArticleText';
import { MetadataPanel } from './MetadataPanel';
import { useDocument } from './use-document';

interface Props {
  id: string;
  /** The library's search, to mark its hits in the text. */
  query: string;
  /** Place in the current list (0-based) and the list's size. */
  index: number;
  total: number;
  onBack: () => void;
  onStep: (delta: 1 | -1) => void;
  onOpen: (id: string) => void;
  /** Code this article (the coding screen); absent where coding is not available. */
  onCode?: (id: string) => void;
  /** Compare two documents side by side (the open one first). */
  onCompare: (a: string, b: string) => void;
  /** Something is open over the reader (a comparison): its keys are not the reader's. */
  paused?: boolean;
  onError: (error: Error) => void;
}

function Dek({ doc }: { doc: DocumentDetail }) {
  const parts = [doc.outlet, doc.publishedAt?.slice(0, 10), doc.place].filter(Boolean);
  return <p className="reader__dek">{parts.length ? parts.join(' · ') : 'No outlet, date or place found'}</p>;
}

/**
 * One article, for reading: the text in a comfortable column, its details beside it. j/k step
 * through the library's current list, Esc goes back to it (LibraryView owns those keys); e edits
 * the details, x marks it (not) relevant, c compares it with another document.
 */
export function ReaderView({ id, query, index, total, onBack, onStep, onOpen, onCode, onCompare, paused = false, onError }: Props) {
  const [picking, setPicking] = useState(false);
  const { doc, error } = useDocument(id, query);
  const [collapsed, setCollapsed] = useState(false);
  // Editing belongs to one article: stepping to another leaves the form.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId === id;
  const setEditing = useCallback((on: boolean) => setEditingId(on ? id : null), [id]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new article starts at its top, or at its first hit when there is a search.
  const shownId = doc?.id;
  useEffect(() => {
    if (!shownId) return;
    const el = scrollRef.current;
    if (!el) return;
    const first = el.querySelector('mark.hit');
    if (first) first.scrollIntoView({ block: 'center' });
    else el.scrollTop = 0;
  }, [shownId]);

  const toggleExcluded = () => {
    if (doc) liaison.documents.setExcluded({ ids: [doc.id], excluded: !doc.excluded }).catch(onError);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (paused || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      if (e.key === 'e' && !editing) {
        e.preventDefault();
        setEditing(true);
      } else if (e.key === 'x' && doc) {
        e.preventDefault();
        liaison.documents.setExcluded({ ids: [doc.id], excluded: !doc.excluded }).catch(onError);
      } else if (e.key === 'c' && doc) {
        e.preventDefault();
        setPicking(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, editing, setEditing, doc, onError]);

  const marked = doc ? doc.ranges.filter((r) => r.kind !== 'glue').length : 0;
  return (
    <div className="reader" data-testid="reader" data-id={id} data-state={doc?.id === id ? 'ready' : 'loading'} inert={paused}>
      <header className="reader__bar">
        <button type="button" className="btn btn--ghost btn--small" data-testid="reader-back" onClick={onBack} title="Back to the list (Esc)">
          ← Library
        </button>
        <span className="reader__pos" data-testid="reader-position">
          {index >= 0 ? `${(index + 1).toLocaleString()} of ${total.toLocaleString()}` : ''}
        </span>
        <div className="reader__nav">
          <button type="button" className="btn btn--small" data-testid="reader-prev" onClick={() => onStep(-1)} disabled={index <= 0} title="Previous article (k)">
            ↑ <kbd>k</kbd>
          </button>
          <button type="button" className="btn btn--small" data-testid="reader-next" onClick={() => onStep(1)} disabled={index < 0 || index >= total - 1} title="Next article (j)">
            ↓ <kbd>j</kbd>
          </button>
        </div>
        <span className="reader__spacer" />
        {onCode && doc && (
          <button type="button" className="btn btn--small" data-testid="reader-code" onClick={() => onCode(doc.id)} title="Record the engagements this article reports">
            Code this article
          </button>
        )}
        {doc && (
          <button type="button" className="btn btn--small" data-testid="reader-compare" onClick={() => setPicking(true)} title="Compare this article with another, side by side (c)">
            Compare with… <kbd>c</kbd>
          </button>
        )}
        {marked > 0 && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="toggle-dimmed" aria-pressed={collapsed} onClick={() => setCollapsed(!collapsed)}>
            {collapsed ? 'Show' : 'Fold'} boilerplate and repeats ({marked})
          </button>
        )}
      </header>
      {error && !doc && (
        <p className="reader__error form-error" role="alert">
          {error.message}
        </p>
      )}
      {doc && (
        <div className="reader__main">
          <div className="reader__scroll" ref={scrollRef} data-testid="reader-scroll">
            <article className={`reader__article${doc.excluded ? ' reader__article--excluded' : ''}`} lang={doc.language ?? undefined}>
              <h2 className="reader__title" data-testid="reader-title" dir="auto">
                {doc.title ?? 'Untitled'}
              </h2>
              <Dek doc={doc} />
              <ArticleText key={doc.id} text={doc.text} ranges={doc.ranges} hits={doc.hits} collapsed={collapsed} />
            </article>
          </div>
          <MetadataPanel doc={doc} editing={editing} setEditing={setEditing} onOpen={onOpen} onCompare={(other) => onCompare(doc.id, other)} onToggleExcluded={toggleExcluded} />
        </div>
      )}
      {picking && doc && (
        <ComparePicker
          doc={doc}
          onPick={(other) => {
            setPicking(false);
            onCompare(doc.id, other);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </div>
  );
}
