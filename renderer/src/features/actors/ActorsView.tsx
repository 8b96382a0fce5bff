import { useEffect, useState } from 'react';
import type { Actor } from '../../../../shared/model/actor';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { EmptyState } from '../../ui/EmptyState';
import { record, undo } from '../coding/undo';
import { ActorDetail } from './ActorDetail';

const period = (from: string | null, to: string | null) => (from || to ? ` (${from ?? '…'}–${to ?? 'now'})` : '');

/**
 * The actor registry: persons, organisations and countries with aliases and roles. A row opens the
 * actor beside the list: its titles over time, and every engagement it is in, each one click from
 * the coding screen. Two records of one person can be merged (every reference follows; undo
 * reverses it) or one split in two.
 */
export function ActorsView({ openCoding }: { openCoding: (documentId: string, engagementId?: string) => void }) {
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const actors = useAsync(() => liaison.actors.list({ query, limit: 500 }), `actors:${query}:${version}`);
  const all = useAsync(() => liaison.actors.list({ query: '', limit: 1000 }), `all:${version}`);
  const [merging, setMerging] = useState<Actor | null>(null);
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [splitting, setSplitting] = useState<Actor | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useAsync(() => (openId ? liaison.actors.get({ id: openId }) : Promise.resolve(null)), `open:${openId}:${version}`);
  useEffect(() => subscribe('db.changed', ({ tables }) => tables.includes('actors') && setVersion((v) => v + 1)), []);
  const create = async (kind: 'person' | 'organisation', name: string) => {
    try {
      const { actor, inverse } = await liaison.actors.save({ actor: { kind, name, aliases: [], countryCode: null, roles: [], notes: '' } });
      record(`Add ${actor.name}`, inverse);
      setOpenId(actor.id);
      setMessage(`${actor.name} added: give the spellings, country and titles beside the list.`);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  if (actors.data && actors.data.length === 0 && !query) {
    return (
      <EmptyState title="No actors yet" testId="empty-actors" action={<NewActor onCreate={create} />}>
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
    <div className={openId ? 'actors-layout actors-layout--open' : 'actors-layout'}>
    <div className="plain-table-wrap actors-layout__list">
      <div className="table-toolbar row row--tight">
        <input className="input input--small" placeholder="Find an actor (names, aliases, spellings)" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="actors-search" aria-label="Find an actor" />
        <span className="network__spacer" />
        <NewActor onCreate={create} />
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
      {splitting && (
        <SplitPanel
          actor={splitting}
          onDone={(text) => {
            setSplitting(null);
            setMessage(text);
          }}
          onCancel={() => setSplitting(null)}
        />
      )}
      <table className="plain-table" data-testid="actors-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Country</th>
            {!openId && <th>Aliases</th>}
            <th>Titles held</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {actors.data?.map((a) => (
            <tr
              key={a.id}
              data-testid="actor-row"
              tabIndex={0}
              aria-selected={a.id === openId}
              className={a.id === openId ? 'is-active' : undefined}
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('button, select, input')) setOpenId(a.id);
              }}
              onKeyDown={(e) => {
                if (e.target !== e.currentTarget) return;
                if (e.key === 'Enter') setOpenId(a.id);
                else if (e.key === 'ArrowDown' || e.key === 'j') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                else if (e.key === 'ArrowUp' || e.key === 'k') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                else return;
                e.preventDefault();
              }}
            >
              <td>{a.name}</td>
              <td className="muted">{a.kind}</td>
              <td className="mono">{a.countryCode ?? '—'}</td>
              {!openId && <td className="muted">{a.aliases.filter((x) => x !== a.name).join(', ')}</td>}
              <td>{a.roles.map((r) => `${r.title}${period(r.from, r.to)}`).join('; ')}</td>
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
                  <span className="row row--tight">
                    <button type="button" className="btn btn--ghost btn--small" onClick={() => setMerging(a)} data-testid="merge-start">
                      Merge…
                    </button>
                    {a.kind !== 'country' && (
                      <button type="button" className="btn btn--ghost btn--small" onClick={() => setSplitting(a)} data-testid="split-start">
                        Split…
                      </button>
                    )}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
      {openId && opened.data && (
        <ActorDetail
          actor={opened.data}
          openCoding={openCoding}
          onClose={() => setOpenId(null)}
          onMessage={setMessage}
        />
      )}
    </div>
  );
}

/** Split an actor that is really two people: move some participations (and aliases) to a new actor. */
function SplitPanel({ actor, onDone, onCancel }: { actor: Actor; onDone: (message: string) => void; onCancel: () => void }) {
  const parts = useAsync(() => liaison.actors.participations({ id: actor.id }), actor.id);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [name, setName] = useState(`${actor.name} (2)`);
  const [aliases, setAliases] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const toggle = (set: Set<string>, v: string) => {
    const next = new Set(set);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    return next;
  };
  return (
    <div className="split-panel" data-testid="split-panel">
      <strong>Split {actor.name}</strong>
      <p className="muted small">Tick the participations (and spellings) that belong to another person; they move to a new actor.</p>
      <ul className="split-panel__list">
        {parts.data?.filter((p) => p.via === 'actor').map((p) => (
          <li key={p.participantId}>
            <label>
              <input type="checkbox" checked={chosen.has(p.participantId)} onChange={() => setChosen(toggle(chosen, p.participantId))} data-testid="split-participation" /> {p.date ?? 'undated'} · {p.type} · {p.role}
              {p.title ? ` · ${p.title}` : ''}
            </label>
          </li>
        ))}
        {actor.aliases
          .filter((x) => x !== actor.name)
          .map((alias) => (
            <li key={alias}>
              <label>
                <input type="checkbox" checked={aliases.has(alias)} onChange={() => setAliases(toggle(aliases, alias))} /> alias “{alias}”
              </label>
            </li>
          ))}
      </ul>
      <div className="row row--tight">
        <input className="input input--small" value={name} onChange={(e) => setName(e.target.value)} aria-label="Name of the new actor" data-testid="split-name" />
        <button
          type="button"
          className="btn btn--primary btn--small"
          disabled={chosen.size === 0 || !name.trim()}
          data-testid="split-confirm"
          onClick={async () => {
            try {
              const { actor: created } = await liaison.actors.split({ id: actor.id, name: name.trim(), participantIds: [...chosen], aliases: [...aliases] });
              onDone(`${chosen.size} participation${chosen.size === 1 ? '' : 's'} moved from ${actor.name} to the new actor ${created.name}.`);
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        >
          Split
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && <p className="form-error small">{error}</p>}
    </div>
  );
}

/** Add a person or organisation ahead of coding (countries come from the country list when used). */
function NewActor({ onCreate }: { onCreate: (kind: 'person' | 'organisation', name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'person' | 'organisation'>('person');
  const submit = async () => {
    if (!name.trim()) return;
    await onCreate(kind, name.trim());
    setName('');
  };
  return (
    <span className="row row--tight">
      <input
        className="input input--small"
        placeholder="New actor's name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && void submit()}
        aria-label="New actor's name"
        data-testid="new-actor-name"
      />
      <select className="input input--small" value={kind} onChange={(e) => setKind(e.target.value as 'person' | 'organisation')} aria-label="Kind of the new actor" data-testid="new-actor-kind">
        <option value="person">Person</option>
        <option value="organisation">Organisation</option>
      </select>
      <button type="button" className="btn btn--small" disabled={!name.trim()} onClick={() => void submit()} data-testid="new-actor-add">
        Add
      </button>
    </span>
  );
}
