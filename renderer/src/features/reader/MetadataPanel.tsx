import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { type DocumentDetail, describeSource, type EditableField, type MetaSource } from '../../../../shared/model/library';
import { liaison } from '../../app/transport';
import { formatDateTime } from '../../ui/format';

function Source({ source }: { source: MetaSource | undefined }) {
  if (!source) return null;
  return (
    <span className="meta__source" data-testid="meta-source" data-source={source.source} title={source.detail ? `${describeSource(source.source)}: ${source.detail}` : undefined}>
      {describeSource(source.source)}
      {source.detail && <span className="meta__source-detail">: {source.detail}</span>}
    </span>
  );
}

/** A path that wraps after its slashes (not inside a name) when the panel is narrow. */
function BreakablePath({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one path, in order, never reordered
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** The last part of a path (either separator). */
function fileName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function Row({ label, children, source, testId }: { label: string; children: ReactNode; source?: MetaSource; testId?: string }) {
  return (
    <div className="meta__row">
      <dt className="meta__label">{label}</dt>
      <dd className="meta__value" data-testid={testId}>
        {/* An Arabic title or outlet reads right to left; the note under it stays as it is. */}
        <span dir="auto">{children}</span>
        <Source source={source} />
      </dd>
    </div>
  );
}

const EDITABLE: { field: EditableField; label: string; placeholder: string }[] = [
  { field: 'title', label: 'Title', placeholder: 'Title of the article' },
  { field: 'publishedAt', label: 'Date', placeholder: 'YYYY-MM-DD (or YYYY-MM, YYYY)' },
  { field: 'outlet', label: 'Outlet', placeholder: 'Newspaper, agency or site' },
  { field: 'place', label: 'Place', placeholder: 'City or country of the dateline' },
];

function EditForm({ doc, onDone }: { doc: DocumentDetail; onDone: () => void }) {
  const [values, setValues] = useState<Record<EditableField, string>>({
    title: doc.title ?? '',
    publishedAt: doc.publishedAt ?? '',
    outlet: doc.outlet ?? '',
    place: doc.place ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const patch: Partial<Record<EditableField, string | null>> = {};
    for (const { field } of EDITABLE) {
      const v = values[field].trim();
      if (v !== (doc[field] ?? '')) patch[field] = v === '' ? null : v;
    }
    if (Object.keys(patch).length === 0) return onDone();
    setSaving(true);
    setError(null);
    try {
      await liaison.documents.update({ id: doc.id, ...patch });
      onDone();
    } catch (err) {
      setError((err as Error).message);
      setSaving(false);
    }
  };
  return (
    <form
      className="meta__form"
      onSubmit={save}
      data-testid="metadata-form"
      onKeyDown={(e) => {
        // Esc leaves the form, not the reader.
        if (e.key === 'Escape') {
          e.stopPropagation();
          e.preventDefault();
          onDone();
        }
      }}
    >
      {EDITABLE.map(({ field, label, placeholder }, i) => (
        <label key={field} className="field">
          <span className="field__label">{label}</span>
          <input
            ref={i === 0 ? first : undefined}
            className="input input--small"
            data-testid={`edit-${field}`}
            value={values[field]}
            placeholder={placeholder}
            spellCheck={field === 'title'}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          />
        </label>
      ))}
      {error && (
        <p className="form-error small" role="alert" data-testid="metadata-error">
          {error}
        </p>
      )}
      <p className="muted small">The change is recorded under your name; the article’s text never changes.</p>
      <div className="row">
        <button type="submit" className="btn btn--primary btn--small" data-testid="save-metadata" disabled={saving}>
          Save
        </button>
        <button type="button" className="btn btn--small" data-testid="cancel-metadata" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface Props {
  doc: DocumentDetail;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  onOpen: (id: string) => void;
  /** Compare this article with another, side by side. */
  onCompare: (otherId: string) => void;
  onToggleExcluded: () => void;
}

/** Everything known about the article, how each value was found, and its duplicate set. */
export function MetadataPanel({ doc, editing, setEditing, onOpen, onCompare, onToggleExcluded }: Props) {
  const s = doc.metaSources;
  return (
    <aside className="meta" aria-label="Article details" data-testid="metadata-panel">
      <section className="meta__section">
        <header className="meta__head">
          <h3 className="meta__heading">Details</h3>
          {!editing && (
            <button type="button" className="btn btn--ghost btn--small" data-testid="edit-metadata" onClick={() => setEditing(true)} title="Edit title, date, outlet and place (e)">
              Edit
            </button>
          )}
        </header>
        {editing ? (
          <EditForm doc={doc} onDone={() => setEditing(false)} />
        ) : (
          <dl className="meta__list">
            <Row label="Title" source={s.title} testId="meta-title">
              {doc.title ?? <span className="muted">none found</span>}
            </Row>
            <Row label="Date" source={s.publishedAt} testId="meta-publishedAt">
              {doc.publishedAt ?? <span className="muted">none found</span>}
            </Row>
            <Row label="Outlet" source={s.outlet} testId="meta-outlet">
              {doc.outlet ?? <span className="muted">none found</span>}
            </Row>
            <Row label="Place" source={s.place} testId="meta-place">
              {doc.place ?? <span className="muted">none found</span>}
            </Row>
          </dl>
        )}
        <dl className="meta__list meta__list--secondary">
          {doc.url && (
            <Row label="URL" source={s.url}>
              <span className="meta__mono">{doc.url}</span>
            </Row>
          )}
          {doc.byline && (
            <Row label="Byline" source={s.byline}>
              {doc.byline}
            </Row>
          )}
          <Row label="Language" source={s.language}>
            {doc.language ?? <span className="muted">unknown</span>}
          </Row>
          <Row label="Encoding">{doc.encoding}</Row>
          <Row label="File">
            <span className="meta__mono" title={doc.path}>
              <BreakablePath path={doc.path} />
              {doc.recordIndex > 0 ? ` (record ${doc.recordIndex + 1})` : ''}
            </span>
          </Row>
          <Row label="Format">
            {doc.format}, {(doc.sizeBytes / 1024).toFixed(1)} KB, {doc.words.toLocaleString()} words
          </Row>
          <Row label="Imported">
            batch {doc.batchSeq}, {formatDateTime(doc.importedAt)}
          </Row>
        </dl>
        {doc.warnings.length > 0 && (
          <ul className="meta__warnings" data-testid="meta-warnings">
            {doc.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="meta__section">
        <h3 className="meta__heading">Relevance</h3>
        <p className="meta__relevance">
          {doc.excluded ? 'Marked not relevant: left out of coding queues.' : 'Relevant: included in coding queues.'}
          <button type="button" className="btn btn--small" data-testid="toggle-excluded" onClick={onToggleExcluded} title="Toggle (x)">
            {doc.excluded ? 'Mark relevant' : 'Mark not relevant'}
          </button>
        </p>
      </section>

      <section className="meta__section" data-testid="duplicate-set">
        <h3 className="meta__heading">Duplicate set</h3>
        {doc.duplicates.length === 0 ? (
          <p className="muted small">No other article has this text.</p>
        ) : (
          <>
            <p className="muted small">
              {doc.isPrimary ? 'This is the primary (first imported) of its set.' : 'A copy; the primary is the first imported of the set.'}{' '}
              {doc.duplicateKind === 'exact' ? 'Same text once boilerplate is set aside.' : 'Nearly the same text.'}
            </p>
            <ul className="dup-list">
              {doc.duplicates.map((d) => (
                <li key={d.id} className="dup-list__row">
                  <button type="button" className="dup-list__item" data-testid="duplicate-item" data-id={d.id} onClick={() => onOpen(d.id)} title="Read it">
                    <span className="dup-list__title">{d.title ?? 'Untitled'}</span>
                    <span className="dup-list__meta">
                      {d.isPrimary ? 'primary · ' : ''}
                      {[d.outlet, d.publishedAt?.slice(0, 10), `batch ${d.batchSeq}`].filter(Boolean).join(' · ')}
                      {d.similarity !== null ? ` · ${Math.round(d.similarity * 100)}% alike` : ''}
                    </span>
                    <span className="dup-list__file" title={d.path} data-testid="duplicate-file">
                      {fileName(d.path)}
                    </span>
                  </button>
                  <button type="button" className="btn btn--small dup-list__compare" data-testid="duplicate-compare" data-id={d.id} onClick={() => onCompare(d.id)} title="Compare with this article, side by side">
                    Compare
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </aside>
  );
}
