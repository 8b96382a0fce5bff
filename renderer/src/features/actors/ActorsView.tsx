import { useEffect, useState } from 'react';
import type { Actor } from '../../../../shared/model/actor';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { EmptyState } from '../../ui/EmptyState';
import { record, undo } from '../coding/undo';

/**
 * The actor registry: persons, organisations and countries with aliases and roles. Two records of
 * one person can be merged (every reference follows; undo reverses it).
 */
export function ActorsView() {
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const actors = useAsync(() => liaison.actors.list({ query, limit: 500 }), `actors:${query}:${version}`);
  const all = useAsync(() => liaison.actors.list({ query: '', limit: 1000 }), `all:${version}`);
  const [merging, setMerging] = useState<Actor | null>(null);
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => subscribe('db.changed', ({ tables }) => tables.includes('actors') && setVersion((v) => v + 1)), []);
  if (actors.data && actors.data.length === 0 && !query) {
    return (
      <EmptyState title="No actors yet" testId="empty-actors">
        Persons, organisations and countries appear here as you code engagements; you can also add them ahead of time.
      </EmptyState>
    );
  }
  const merge = async () => {
    if (!merging || !target) return;
    try {
      const into = all.data?.find((a) => a.id === target);
      const { inverse } = await liaison.actors.merge({ sourceId: merging.id, targetId: target });
      record(`Merge ${merging.name} into ${into?.name}`, inverse);
      setMessage(`${merging.name} merged into ${into?.name}: every engagement that named ${merging.name} now reads ${into?.name}.`);
      setMerging(null);
      setTarget('');
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <div className="plain-table-wrap">
      <div className="table-toolbar row row--tight">
        <input className="input input--small" placeholder="Find an actor (names, aliases, spellings)" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="actors-search" aria-label="Find an actor" />
      </div>
      {message && (
        <p className="small" role="status" data-testid="actors-message">
          {message}{' '}
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={async () => {
              await undo();
              setMessage('Undone.');
            }}
          >
            Undo
          </button>
        </p>
      )}
      <table className="plain-table" data-testid="actors-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Country</th>
            <th>Aliases</th>
            <th>Titles held</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {actors.data?.map((a) => (
            <tr key={a.id} data-testid="actor-row">
              <td>{a.name}</td>
              <td className="muted">{a.kind}</td>
              <td className="mono">{a.countryCode ?? '—'}</td>
              <td className="muted">{a.aliases.filter((x) => x !== a.name).join(', ')}</td>
              <td>{a.roles.map((r) => r.title).join('; ')}</td>
              <td>
                {merging?.id === a.id ? (
                  <span className="row row--tight">
                    <select className="input input--small" value={target} onChange={(e) => setTarget(e.target.value)} aria-label={`Merge ${a.name} into`} data-testid="merge-target">
                      <option value="">Merge into…</option>
                      {all.data
                        ?.filter((x) => x.id !== a.id && x.kind === a.kind)
                        .map((x) => (
                          <option key={x.id} value={x.id}>
                            {x.name}
                          </option>
                        ))}
                    </select>
                    <button type="button" className="btn btn--small btn--primary" disabled={!target} onClick={() => void merge()} data-testid="merge-confirm">
                      Merge
                    </button>
                    <button type="button" className="btn btn--ghost btn--small" onClick={() => setMerging(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => setMerging(a)} data-testid="merge-start">
                    Merge…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
