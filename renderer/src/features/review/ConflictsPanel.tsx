import { useEffect, useState } from 'react';
import type { BundleConflict } from '../../../../shared/contract-bundles';
import type { Actor } from '../../../../shared/model/actor';
import type { Codebook } from '../../../../shared/model/codebook';
import type { Engagement } from '../../../../shared/model/engagement';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { formatDateTime } from '../../ui/format';

type Rows = [label: string, local: string, incoming: string][];

/** Each label beside the value it has in the local and in the incoming version. */
function sideBySide<T>(labels: string[], read: (v: T) => string[], local: T, incoming: T): Rows {
  const a = read(local);
  const b = read(incoming);
  return labels.map((l, i) => [l, a[i]!, b[i]!]);
}

function engagementRows(local: Engagement & { deletedAt: string | null }, incoming: Engagement & { deletedAt: string | null }, name: (id: string | null) => string): Rows {
  const read = (e: Engagement & { deletedAt: string | null }): string[] => [
    e.type,
    e.mode ?? '—',
    e.date.value ? `${e.date.value}${e.date.inferred ? ' (inferred)' : ''}` : '—',
    [e.place, e.countryCode].filter(Boolean).join(', ') || '—',
    e.participants.map((p) => `${name(p.actorId)} (${p.role}${p.title ? `, ${p.title}` : ''}${p.sideId ? `, ${name(p.sideId)}` : ''})`).join('; ') || '—',
    e.topics.join(', ') || '—',
    e.outcomes.join(', ') || '—',
    e.status,
    e.confidence,
    e.notes || '—',
    `${e.evidence.length} span${e.evidence.length === 1 ? '' : 's'}`,
    e.deletedAt ? `deleted ${formatDateTime(e.deletedAt)}` : 'no',
  ];
  return sideBySide(['Type', 'Mode', 'Date', 'Location', 'Participants', 'Topics', 'Outcomes', 'Status', 'Confidence', 'Notes', 'Evidence', 'Deleted'], read, local, incoming);
}

function actorRows(local: Actor, incoming: Actor, name: (id: string | null) => string): Rows {
  const read = (a: Actor): string[] => [
    a.name,
    a.aliases.filter((x) => x !== a.name).join(', ') || '—',
    a.countryCode ?? '—',
    a.roles.map((r) => `${r.title}${r.from || r.to ? ` (${r.from ?? '…'}–${r.to ?? 'now'})` : ''}`).join('; ') || '—',
    a.notes || '—',
    a.mergedInto ? `merged into ${name(a.mergedInto)}` : 'no',
  ];
  return sideBySide(['Name', 'Spellings', 'Country', 'Titles', 'Notes', 'Merged'], read, local, incoming);
}

function codebookRows(local: Codebook, incoming: Codebook): Rows {
  const read = (c: Codebook): string[] => [c.name, String(c.version), ...(['types', 'modes', 'topics', 'roles', 'outcomes'] as const).map((k) => c[k].map((v) => v.label + (v.retired ? ' (retired)' : '')).join(', '))];
  return sideBySide(['Name', 'Version', 'Types', 'Modes', 'Topics', 'Roles', 'Outcomes'], read, local, incoming);
}

/**
 * Conflicts left by bundle imports: a record edited both here and on the other machine. The local
 * record stays untouched until the reviewer keeps it or takes the incoming version; both versions
 * are shown field by field with the differences marked.
 */
export function ConflictsPanel({ refresh }: { refresh: number }) {
  const [version, setVersion] = useState(0);
  const [showResolved, setShowResolved] = useState(false);
  useEffect(() => subscribe('db.changed', ({ tables }) => tables.includes('bundle_conflicts') && setVersion((v) => v + 1)), []);
  const conflicts = useAsync(() => liaison.bundles.conflicts({ status: showResolved ? 'all' : 'open' }), `conflicts:${showResolved}:${version}:${refresh}`);
  const actors = useAsync(() => liaison.actors.list({ query: '', limit: 1000 }), `conflict-actors:${version}:${refresh}`);
  const [message, setMessage] = useState<string | null>(null);
  const list = conflicts.data ?? [];
  const open = list.filter((c) => c.status === 'open').length;
  if (!conflicts.data || (list.length === 0 && !showResolved && !message)) return null;
  const name = (id: string | null) => (id ? (actors.data?.find((a) => a.id === id)?.name ?? id.slice(0, 8)) : '—');
  const resolve = async (c: BundleConflict, take: 'local' | 'incoming') => {
    try {
      await liaison.bundles.resolve({ id: c.id, take });
      setMessage(`${c.label}: ${take === 'local' ? 'kept the version here' : 'took the incoming version'}.`);
      setVersion((v) => v + 1);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section className="review__panel review__panel--wide" data-testid="conflicts">
      <div className="row row--tight">
        <h2 className="panel__title">Conflicts from bundles {open > 0 && <span className="badge status--disputed">{open} open</span>}</h2>
        <span className="network__spacer" />
        <label className="small">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
        </label>
      </div>
      {message && (
        <p className="small" role="status" data-testid="conflict-message">
          {message}
        </p>
      )}
      {list.length === 0 && <p className="muted small">{showResolved ? 'No conflicts.' : 'No open conflicts left.'}</p>}
      {list.map((c) => {
        const rows = c.entity === 'engagement' ? engagementRows(c.local, c.incoming, name) : c.entity === 'actor' ? actorRows(c.local, c.incoming, name) : codebookRows(c.local, c.incoming);
        return (
          <div key={c.id} className="pair conflict" data-testid="conflict" data-status={c.status}>
            <div className="pair__head small">
              <strong>{c.label}</strong>
              <span className="muted">
                {c.entity} · {c.reason}
              </span>
              <span className="network__spacer" />
              {c.status === 'resolved' && (
                <span className="badge">
                  {c.resolution === 'local' ? 'kept ours' : 'took theirs'} {c.resolvedAt ? formatDateTime(c.resolvedAt) : ''}
                </span>
              )}
            </div>
            <table className="plain-table pair__table">
              <thead>
                <tr>
                  <th>Field</th>
                  <th>Here</th>
                  <th>Incoming</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, a, b]) => (
                  <tr key={label} className={a !== b ? 'pair__row--diff' : undefined} data-testid="conflict-field" data-field={label} data-differs={a !== b}>
                    <td>{label}</td>
                    <td>{a}</td>
                    <td>{b}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {c.status === 'open' && (
              <div className="row row--tight conflict__actions">
                <button type="button" className="btn btn--small" onClick={() => void resolve(c, 'local')} data-testid="conflict-keep">
                  Keep ours
                </button>
                <button type="button" className="btn btn--small" onClick={() => void resolve(c, 'incoming')} data-testid="conflict-take">
                  Take theirs
                </button>
                <span className="muted small">Either way the choice is recorded in the audit log; the other version stays in the conflict record.</span>
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
