import { useEffect, useMemo, useState } from 'react';
import { roleProblems } from '../../../../shared/actors/roles';
import type { ActorInput } from '../../../../shared/contract-coding';
import type { Actor } from '../../../../shared/model/actor';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { record } from '../coding/undo';

type RoleDraft = ActorInput['roles'][number];

const toDraft = (a: Actor): ActorInput => ({
  id: a.id,
  kind: a.kind,
  name: a.name,
  aliases: a.aliases.filter((x) => x !== a.name),
  countryCode: a.countryCode,
  roles: a.roles.map((r) => ({ id: r.id, title: r.title, organisationId: r.organisationId, countryCode: r.countryCode, from: r.from, to: r.to })),
  notes: a.notes,
});
const emptyRole = (countryCode: string | null): RoleDraft => ({ title: '', organisationId: null, countryCode, from: null, to: null });
const blankToNull = (v: string): string | null => (v.trim() ? v.trim() : null);

/**
 * One actor: name, spellings, country, the titles held over time (each with its organisation,
 * country and period, which fill in a participant's "title at the time" while coding), notes, and
 * every engagement the actor appears in, one click from the coding screen with its source.
 */
export function ActorDetail({ actor, openCoding, onClose, onMessage }: { actor: Actor; openCoding: (documentId: string, engagementId?: string) => void; onClose: () => void; onMessage: (text: string) => void }) {
  const [draft, setDraft] = useState<ActorInput>(() => toDraft(actor));
  const [alias, setAlias] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const countries = useAsync(() => liaison.actors.countries({}), 'countries');
  const organisations = useAsync(() => liaison.actors.list({ query: '', kind: 'organisation', limit: 1000 }), `orgs:${actor.id}`);
  // Where the actor appears changes with the engagements (and with merges and splits of actors).
  const [coded, setCoded] = useState(0);
  useEffect(() => subscribe('db.changed', ({ tables }) => (tables.includes('engagements') || tables.includes('actors')) && setCoded((n) => n + 1)), []);
  const parts = useAsync(() => liaison.actors.participations({ id: actor.id }), `parts:${actor.id}:${coded}`);
  // A save elsewhere (undo, another window) refreshes the form unless it holds unsaved edits.
  const pristine = useMemo(() => JSON.stringify(toDraft(actor)), [actor]);
  const dirty = JSON.stringify(draft) !== pristine;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored actor changes
  useEffect(() => {
    setDraft(toDraft(actor));
    setError(null);
  }, [pristine]);
  const problems = roleProblems(draft.roles);

  const setRole = (i: number, patch: Partial<RoleDraft>) => setDraft((d) => ({ ...d, roles: d.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const moveRole = (i: number, by: number) =>
    setDraft((d) => {
      const roles = [...d.roles];
      const [r] = roles.splice(i, 1);
      roles.splice(Math.max(0, Math.min(roles.length, i + by)), 0, r!);
      return { ...d, roles };
    });
  const addAlias = () => {
    const v = alias.trim();
    if (v && v !== draft.name && !draft.aliases.includes(v)) setDraft((d) => ({ ...d, aliases: [...d.aliases, v] }));
    setAlias('');
  };

  const save = async () => {
    if (!dirty || saving) return;
    if (problems.size > 0) {
      const [i, why] = [...problems][0]!;
      setError(`Role ${i + 1}: ${why}`);
      return;
    }
    if (!draft.name.trim()) {
      setError('An actor needs a name.');
      return;
    }
    setSaving(true);
    try {
      const { actor: saved, inverse } = await liaison.actors.save({ actor: draft });
      record(`Edit ${saved.name}`, inverse);
      setError(null);
      onMessage(`${saved.name} saved.`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const asParticipant = parts.data?.filter((p) => p.via === 'actor') ?? [];
  const asSide = parts.data?.filter((p) => p.via === 'side') ?? [];

  return (
    <aside
      className="actor-detail"
      aria-label={`Actor ${actor.name}`}
      data-testid="actor-detail"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape' && !dirty) onClose();
      }}
    >
      <header className="actor-detail__head">
        <input className="input actor-detail__name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-label="Name" data-testid="actor-name" />
        <span className="badge">{actor.kind}</span>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose} aria-label="Close the actor" title="Close (Esc)">
          ✕
        </button>
      </header>

      <div className="actor-detail__body">
        <div className="actor-detail__grid">
          <div className="field">
            <span className="field__label">{actor.kind === 'country' ? 'ISO code' : 'Country'}</span>
            {actor.kind === 'country' ? (
              <span className="mono">{actor.countryCode}</span>
            ) : (
              <select className="input input--small" value={draft.countryCode ?? ''} onChange={(e) => setDraft({ ...draft, countryCode: blankToNull(e.target.value) })} aria-label="Country" data-testid="actor-country">
                <option value="">—</option>
                {countries.data?.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="field">
            <span className="field__label">Other spellings</span>
            <div className="chips">
              {draft.aliases.map((a) => (
                <span key={a} className="chip chip--static" data-testid="actor-alias">
                  {a}
                  <button type="button" className="chip__x" aria-label={`Remove the spelling ${a}`} onClick={() => setDraft({ ...draft, aliases: draft.aliases.filter((x) => x !== a) })}>
                    ×
                  </button>
                </span>
              ))}
              <input
                className="input input--small actor-detail__alias"
                placeholder="Add a spelling, Enter"
                value={alias}
                onChange={(e) => setAlias(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addAlias();
                  }
                }}
                aria-label="Add a spelling"
                data-testid="actor-alias-input"
              />
            </div>
          </div>
        </div>

        {actor.kind !== 'country' && (
          <section className="actor-detail__section">
            <h3 className="actor-detail__h">Titles held over time</h3>
            <p className="muted small">While coding, a participant's title at the time is filled in from the role whose period covers the engagement's date.</p>
            {draft.roles.length > 0 && (
              <ol className="roles" data-testid="roles-table">
                {draft.roles.map((r, i) => (
                  <li key={r.id ?? `new-${i}`} data-testid="role-row" className={problems.has(i) ? 'roles__item is-invalid' : 'roles__item'}>
                    <input className="input input--small roles__title" value={r.title} placeholder="Title, e.g. Interior Minister" onChange={(e) => setRole(i, { title: e.target.value })} aria-label={`Title of role ${i + 1}`} data-testid="role-title" />
                    <span className="roles__tools">
                      <button type="button" className="btn btn--ghost btn--small" disabled={i === 0} onClick={() => moveRole(i, -1)} aria-label={`Move role ${i + 1} up`}>
                        ↑
                      </button>
                      <button type="button" className="btn btn--ghost btn--small" disabled={i === draft.roles.length - 1} onClick={() => moveRole(i, 1)} aria-label={`Move role ${i + 1} down`}>
                        ↓
                      </button>
                      <button type="button" className="btn btn--ghost btn--small" onClick={() => setDraft({ ...draft, roles: draft.roles.filter((_, j) => j !== i) })} aria-label={`Remove role ${i + 1}`} data-testid="role-remove">
                        ×
                      </button>
                    </span>
                    <select className="input input--small" value={r.organisationId ?? ''} onChange={(e) => setRole(i, { organisationId: blankToNull(e.target.value) })} aria-label={`Organisation of role ${i + 1}`} data-testid="role-organisation">
                      <option value="">No organisation</option>
                      {organisations.data?.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                    <select className="input input--small" value={r.countryCode ?? ''} onChange={(e) => setRole(i, { countryCode: blankToNull(e.target.value) })} aria-label={`Country of role ${i + 1}`} data-testid="role-country">
                      <option value="">No country</option>
                      {countries.data?.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                    <span className="roles__period">
                      <input className="input input--small" value={r.from ?? ''} placeholder="YYYY-MM" title="From (YYYY, YYYY-MM or YYYY-MM-DD)" onChange={(e) => setRole(i, { from: blankToNull(e.target.value) })} aria-label={`Start of role ${i + 1}`} data-testid="role-from" />
                      <span className="muted">–</span>
                      <input className="input input--small" value={r.to ?? ''} placeholder="now" title="To (empty: still held)" onChange={(e) => setRole(i, { to: blankToNull(e.target.value) })} aria-label={`End of role ${i + 1}`} data-testid="role-to" />
                    </span>
                  </li>
                ))}
              </ol>
            )}
            {[...problems].map(([i, why]) => (
              <p key={i} className="form-error small" data-testid="role-problem">
                Role {i + 1}: {why}
              </p>
            ))}
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setDraft({ ...draft, roles: [...draft.roles, emptyRole(draft.countryCode)] })} data-testid="role-add">
              + Add a title
            </button>
          </section>
        )}

        <label className="field actor-detail__section">
          <span className="field__label">Notes</span>
          <textarea className="input" rows={2} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} data-testid="actor-notes" />
        </label>

        <div className="row row--tight actor-detail__actions">
          <button type="button" className="btn btn--primary btn--small" disabled={!dirty || saving} onClick={() => void save()} data-testid="actor-save" title="Save (Ctrl+S)">
            Save
          </button>
          <button type="button" className="btn btn--ghost btn--small" disabled={!dirty} onClick={() => setDraft(toDraft(actor))}>
            Revert
          </button>
          {dirty && <span className="muted small">Unsaved changes</span>}
          {error && (
            <span className="form-error small" role="alert" data-testid="actor-error">
              {error}
            </span>
          )}
        </div>

        <section className="actor-detail__section" data-testid="actor-engagements">
          <h3 className="actor-detail__h">
            Engagements <span className="muted">{parts.data ? asParticipant.length + asSide.length : ''}</span>
          </h3>
          {parts.data && parts.data.length === 0 && <p className="muted small">{actor.name} is in no engagement yet. Code an article in the Library and add them as a participant.</p>}
          <Participations title={actor.kind === 'person' ? null : 'Took part'} items={asParticipant} openCoding={openCoding} />
          <Participations title={asSide.length ? `Others acting for ${actor.name}` : null} items={asSide} openCoding={openCoding} />
        </section>
      </div>
    </aside>
  );
}

function Participations({ title, items, openCoding }: { title: string | null; items: Awaited<ReturnType<typeof liaison.actors.participations>>; openCoding: (documentId: string, engagementId?: string) => void }) {
  if (items.length === 0) return null;
  return (
    <>
      {title && <h4 className="actor-detail__sub">{title}</h4>}
      <ul className="participations">
        {items.map((p) => (
          <li key={p.participantId}>
            <button type="button" className="participations__item" disabled={!p.documentId} onClick={() => p.documentId && openCoding(p.documentId, p.engagementId)} data-testid="actor-engagement" title="Open in the coding screen with its source">
              <span className="mono participations__date">{p.date ?? 'undated'}</span>
              <span className="participations__what">
                <strong>{p.type}</strong>
                {p.mode ? ` · ${p.mode}` : ''} · {p.role}
                {p.via === 'side' && p.otherName ? ` · ${p.otherName}` : ''}
                {p.title ? ` · ${p.title}` : ''}
                {p.via === 'actor' && p.otherName ? ` · for ${p.otherName}` : ''}
              </span>
              <span className="muted participations__doc">{p.documentTitle ?? 'no source'}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
