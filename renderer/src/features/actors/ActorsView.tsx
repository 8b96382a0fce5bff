import { useEffect, useState } from 'react';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { EmptyState } from '../../ui/EmptyState';

/** The actor registry: persons, organisations and countries, with aliases and roles. */
export function ActorsView() {
  const [query, setQuery] = useState('');
  const actors = useAsync(() => liaison.actors.list({ query, limit: 500 }), `actors:${query}`);
  const reload = actors.reload;
  useEffect(() => subscribe('db.changed', ({ tables }) => tables.includes('actors') && reload()), [reload]);
  if (actors.data && actors.data.length === 0 && !query) {
    return (
      <EmptyState title="No actors yet" testId="empty-actors">
        Persons, organisations and countries appear here as you code engagements; you can also add them ahead of time.
      </EmptyState>
    );
  }
  return (
    <div className="plain-table-wrap">
      <div className="table-toolbar">
        <input className="input input--small" placeholder="Find an actor (names, aliases, spellings)" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="actors-search" aria-label="Find an actor" />
      </div>
      <table className="plain-table" data-testid="actors-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Country</th>
            <th>Aliases</th>
            <th>Titles held</th>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
