import { useEffect, useState } from 'react';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import { liaison } from '../../app/transport';
import { record } from './undo';

/**
 * One engagement, several articles: a wire copy or a follow-up reports an engagement already coded
 * from another article. Pick it here to add this article as a further source (then attach evidence
 * from this article to it as usual).
 */
export function LinkEngagement({ documentId, onLinked, onClose }: { documentId: string; onLinked: (engagementId: string) => void; onClose: () => void }) {
  const [rows, setRows] = useState<EngagementSummary[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void liaison.analysis.engagements({ filter: {}, limit: 2000 }).then((r) => setRows(r.rows.filter((e) => !e.documentIds.includes(documentId))));
  }, [documentId]);
  const q = query.trim().toLowerCase();
  const shown = rows.filter((e) => !q || e.participants.some((p) => p.name.toLowerCase().includes(q)) || (e.place ?? '').toLowerCase().includes(q) || e.type.toLowerCase().includes(q)).slice(0, 100);
  const link = async (id: string) => {
    try {
      const e = await liaison.engagements.get({ id });
      const { codebookId: _c, codebookVersion: _v, coderId: _by, createdAt: _at, updatedAt: _u, revision: _r, ...input } = e;
      const { engagement, inverse } = await liaison.engagements.save({ engagement: { ...input, sources: [...e.sources, { documentId, primary: false }] } });
      record('Link article as a source', inverse);
      onLinked(engagement.id);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="history" data-testid="link-panel">
      <header className="coding__bar">
        <strong>Link an engagement coded from another article</strong>
        <span className="network__spacer" />
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="link-panel__body">
        <input className="input input--small" placeholder="Find by participant, place or type" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus data-testid="link-search" aria-label="Find an engagement" />
        {error && <p className="form-error small">{error}</p>}
        {shown.length === 0 && <p className="muted small">No engagement from other articles matches.</p>}
        <ul className="eng-list">
          {shown.map((e) => (
            <li key={e.id}>
              <button type="button" className="eng-list__item" onClick={() => void link(e.id)} data-testid="link-candidate">
                <span className="eng-list__meta">
                  {e.date.value ?? 'undated'} · {e.type}
                  {e.place ? ` · ${e.place}` : ''} · {e.documentIds.length} source{e.documentIds.length === 1 ? '' : 's'}
                </span>
                <span>{e.participants.map((p) => p.name).join(', ')}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
