import { useEffect } from 'react';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { EmptyState } from '../../ui/EmptyState';

function formatDate(d: EngagementSummary['date']): string {
  if (!d.value) return '—';
  return d.inferred ? `${d.value}*` : d.value;
}

/** Every engagement of the project, newest first; opening one shows it beside its source. */
export function EngagementsView({ openCoding }: { openCoding: (documentId: string, engagementId?: string) => void }) {
  const page = useAsync(() => liaison.engagements.list({ limit: 500 }), 'engagements');
  const codebook = useAsync(() => liaison.codebooks.active({}), 'codebook');
  const reload = page.reload;
  useEffect(() => subscribe('db.changed', ({ tables }) => tables.includes('engagements') && reload()), [reload]);
  if (!page.data) return null;
  if (page.data.total === 0) {
    return (
      <EmptyState title="No engagements coded" testId="empty-engagements">
        Open an article from the Library and record who met whom, when and where, with the words that show it.
      </EmptyState>
    );
  }
  const typeLabel = (key: string) => codebook.data?.types.find((t) => t.key === key)?.label ?? key;
  return (
    <div className="plain-table-wrap">
      <table className="plain-table" data-testid="engagements-table">
        <thead>
          <tr>
            <th>Date</th>
            <th>Type</th>
            <th>Participants</th>
            <th>Place</th>
            <th>Status</th>
            <th>Sources</th>
          </tr>
        </thead>
        <tbody>
          {page.data.rows.map((e) => (
            <tr key={e.id} tabIndex={0} data-testid="engagement-row" onClick={() => openCoding(e.documentIds[0], e.id)} onKeyDown={(k) => k.key === 'Enter' && openCoding(e.documentIds[0], e.id)}>
              <td className="mono" title={e.date.inferred ? 'inferred' : 'stated'}>
                {formatDate(e.date)}
              </td>
              <td>
                {typeLabel(e.type)}
                {e.mode ? <span className="muted"> · {e.mode}</span> : null}
              </td>
              <td>
                {e.participants.map((p, i) => (
                  <span key={p.id} className="person">
                    {p.name}
                    {p.side ? <span className="muted"> ({p.side})</span> : null}
                    {i < e.participants.length - 1 ? '; ' : ''}
                  </span>
                ))}
              </td>
              <td>{e.place ?? '—'}</td>
              <td>
                <span className={`status-dot status-dot--${e.status}`} /> {e.status}
              </td>
              <td className="num">{e.documentIds.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small table-foot">{page.data.total.toLocaleString()} engagements. * = date inferred from the article.</p>
    </div>
  );
}
