import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DoubleCoded } from '../../../../shared/contract-agreement';
import type { Actor } from '../../../../shared/model/actor';
import type { Codebook } from '../../../../shared/model/codebook';
import type { Engagement } from '../../../../shared/model/engagement';
import type { DocumentDetail } from '../../../../shared/model/library';
import { matchEngagements } from '../../../../shared/review/match';
import { liaison } from '../../app/transport';
import { type Highlight, SourceText } from '../coding/SourceText';

type Field = 'type' | 'mode' | 'date' | 'place' | 'participants' | 'topics' | 'outcomes';
const FIELDS: { key: Field; label: string }[] = [
  { key: 'type', label: 'Type' },
  { key: 'mode', label: 'Mode' },
  { key: 'date', label: 'Date' },
  { key: 'place', label: 'Location' },
  { key: 'participants', label: 'Participants' },
  { key: 'topics', label: 'Topics' },
  { key: 'outcomes', label: 'Outcomes' },
];

/**
 * Adjudication: coder A's and coder B's engagements for one article, matched and compared field by
 * field with differences marked, beside the text with both coders' evidence. The reviewer takes A
 * or B per field and gives a reason; the result is a new final record, the originals stay.
 */
export function AdjudicateView({ doc: pair, onBack, openCoding }: { doc: DoubleCoded; onBack: () => void; openCoding: (documentId: string, engagementId?: string) => void }) {
  const [data, setData] = useState<{ a: Engagement[]; b: Engagement[]; document: DocumentDetail; codebook: Codebook; actors: Map<string, Actor>; done: Set<string> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const load = useCallback(async () => {
    const [{ a, b }, document, codebook, actors, adjudications] = await Promise.all([
      liaison.review.compare({ documentId: pair.documentId, coderA: pair.coderA.id, coderB: pair.coderB.id }),
      liaison.documents.get({ id: pair.documentId }),
      liaison.codebooks.active({}),
      liaison.actors.list({ query: '', limit: 1000 }),
      liaison.review.adjudications({ documentId: pair.documentId }),
    ]);
    const done = new Set(adjudications.flatMap((j) => [j.aId, j.bId].filter((x): x is string => Boolean(x))));
    setData({ a, b, document, codebook, actors: new Map(actors.map((x) => [x.id, x])), done });
  }, [pair]);
  useEffect(() => {
    load().catch((e: Error) => setError(e.message));
  }, [load]);

  const matched = useMemo(() => {
    if (!data) return [];
    const m = matchEngagements(data.a, data.b);
    return [...m.pairs.map((p) => ({ a: p.a as Engagement | null, b: p.b as Engagement | null })), ...m.onlyA.map((a) => ({ a, b: null })), ...m.onlyB.map((b) => ({ a: null, b }))];
  }, [data]);
  const highlights = useMemo((): Highlight[] => {
    if (!data) return [];
    const mark = (list: Engagement[], tone: Highlight['tone'], who: string) =>
      list.flatMap((e) => e.evidence.filter((ev) => ev.documentId === data.document.id).map((ev) => ({ start: ev.start, end: ev.end, tone, title: `${who}: ${ev.field}` })));
    return [...mark(data.a, 'active', pair.coderA.name), ...mark(data.b, 'other', pair.coderB.name)];
  }, [data, pair]);

  if (error) return <p className="form-error">{error}</p>;
  if (!data) return <div aria-busy="true" />;

  const startReview = async () => {
    try {
      const r = await liaison.review.begin({ documentId: pair.documentId });
      const parts = [`${r.inReview} sent to review`, `${r.disputed} disputed`];
      if (r.unchanged) parts.push(`${r.unchanged} unchanged`);
      setStarted(`${parts.join(', ')}.${r.drafts ? ` ${r.drafts} draft${r.drafts === 1 ? ' stays' : 's stay'} with ${r.drafts === 1 ? 'its' : 'their'} coder until marked coded.` : ''}`);
      await load();
    } catch (e) {
      setStarted((e as Error).message);
    }
  };
  const waiting = [...data.a, ...data.b].filter((e) => e.status === 'coded').length;

  const name = (id: string | null) => (id ? (data.actors.get(id)?.name ?? '?') : '');
  const label = (list: keyof Pick<Codebook, 'types' | 'modes' | 'topics' | 'outcomes'>, key: string | null) => (key ? (data.codebook[list].find((v) => v.key === key)?.label ?? key) : '—');
  const show = (e: Engagement | null, f: Field): string => {
    if (!e) return '(not coded)';
    switch (f) {
      case 'type':
        return label('types', e.type);
      case 'mode':
        return label('modes', e.mode);
      case 'date':
        return e.date.value ? `${e.date.value}${e.date.inferred ? ' (inferred)' : ''}` : '—';
      case 'place':
        return [e.place, e.countryCode].filter(Boolean).join(', ') || '—';
      case 'participants':
        return e.participants.map((p) => `${name(p.actorId)} (${p.role}${p.sideId ? `, ${name(p.sideId)}` : ''})`).join('; ') || '—';
      case 'topics':
        return e.topics.map((t) => label('topics', t)).join(', ') || '—';
      case 'outcomes':
        return e.outcomes.map((t) => label('outcomes', t)).join(', ') || '—';
    }
  };

  return (
    <div className="adjudicate" data-testid="adjudicate-view">
      <section className="coding__source">
        <header className="coding__bar">
          <button type="button" className="btn btn--ghost btn--small" onClick={onBack}>
            ← Review
          </button>
          <h2 className="coding__title">{data.document.title ?? 'Untitled'}</h2>
          <span className="small">
            <span className="legend legend--a" /> {pair.coderA.name} <span className="legend legend--b" /> {pair.coderB.name}
          </span>
        </header>
        <div className="adjudicate__start small" data-testid="review-start">
          {started ? (
            <span role="status" data-testid="review-start-message">
              {started}
            </span>
          ) : (
            <span className="muted">{waiting ? `${waiting} coded engagement${waiting === 1 ? '' : 's'} not yet in review.` : 'Every coded engagement here is in review.'} Starting the review marks agreeing pairs “in review” and pairs that differ, or that only one coder recorded, “disputed”.</span>
          )}
          <button type="button" className="btn btn--small" onClick={() => void startReview()} data-testid="review-start-button">
            {waiting ? 'Start review' : 'Refresh statuses'}
          </button>
        </div>
        <div className="coding__text">
          <SourceText text={data.document.text} ranges={data.document.ranges} highlights={highlights} suggestions={[]} showBoilerplate={true} />
        </div>
      </section>
      <section className="adjudicate__pairs">
        {matched.map((m) => (
          <PairCard key={`${m.a?.id ?? ''}:${m.b?.id ?? ''}`} a={m.a} b={m.b} coderA={pair.coderA.name} coderB={pair.coderB.name} show={show} done={Boolean((m.a && data.done.has(m.a.id)) || (m.b && data.done.has(m.b.id)))} documentId={pair.documentId} onDone={load} openCoding={openCoding} />
        ))}
      </section>
    </div>
  );
}

function PairCard(p: {
  a: Engagement | null;
  b: Engagement | null;
  coderA: string;
  coderB: string;
  show: (e: Engagement | null, f: Field) => string;
  done: boolean;
  documentId: string;
  onDone: () => Promise<void>;
  openCoding: (documentId: string, engagementId?: string) => void;
}) {
  const [choices, setChoices] = useState<Partial<Record<Field, 'a' | 'b'>>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, p.a ? 'a' : 'b'])));
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [finalId, setFinalId] = useState<string | null>(null);
  const submit = async () => {
    try {
      const { engagement } = await liaison.review.adjudicate({ documentId: p.documentId, aId: p.a?.id ?? null, bId: p.b?.id ?? null, choices, reason });
      setFinalId(engagement.id);
      setMessage('Final record made. Both coders’ versions are kept.');
      await p.onDone();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const differs = p.a && p.b ? FIELDS.filter((f) => p.show(p.a, f.key) !== p.show(p.b, f.key)).map((f) => f.label.toLowerCase()) : null;
  return (
    <div className="pair" data-testid="adjudicate-pair">
      <div className="pair__head small">
        <span data-testid="pair-summary">{differs === null ? `Only ${p.a ? p.coderA : p.coderB} recorded this engagement` : differs.length ? `Differ on ${differs.join(', ')}` : 'Agree on every field'}</span>
        <span className="network__spacer" />
        {p.a && <StatusBadge status={p.a.status} who={p.coderA} />}
        {p.b && <StatusBadge status={p.b.status} who={p.coderB} />}
      </div>
      <table className="plain-table pair__table">
        <thead>
          <tr>
            <th>Field</th>
            <th>{p.coderA}</th>
            <th>{p.coderB}</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((f) => {
            const va = p.show(p.a, f.key);
            const vb = p.show(p.b, f.key);
            const differs = va !== vb;
            return (
              <tr key={f.key} className={differs ? 'pair__row--diff' : undefined} data-testid="adjudicate-field" data-field={f.key} data-differs={differs}>
                <td>{f.label}</td>
                {(['a', 'b'] as const).map((side) => (
                  <td key={side}>
                    <label className="pair__choice">
                      <input type="radio" name={`${p.a?.id}-${p.b?.id}-${f.key}`} checked={choices[f.key] === side} disabled={!(side === 'a' ? p.a : p.b) || p.done} onChange={() => setChoices({ ...choices, [f.key]: side })} data-testid={`take-${side}-${f.key}`} />
                      {side === 'a' ? va : vb}
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {p.done && !finalId ? (
        <p className="muted small">Adjudicated.</p>
      ) : (
        <div className="pair__foot">
          <textarea className="input input--area-small" rows={2} placeholder="Reason for the final record" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="adjudicate-reason" aria-label="Reason" />
          <button type="button" className="btn btn--primary btn--small" disabled={reason.trim().length < 3 || Boolean(finalId)} onClick={() => void submit()} data-testid="adjudicate-submit">
            Make final record
          </button>
        </div>
      )}
      {message && (
        <p className="small" role="status" data-testid="adjudicate-message">
          {message}{' '}
          {finalId && (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => p.openCoding(p.documentId, finalId)}>
              Open it (to write a third value)
            </button>
          )}
        </p>
      )}
    </div>
  );
}

const STATUS_LABEL: Record<Engagement['status'], string> = { draft: 'draft', coded: 'coded', 'in-review': 'in review', disputed: 'disputed', final: 'final', adjudicated: 'adjudicated' };

function StatusBadge({ status, who }: { status: Engagement['status']; who: string }) {
  return (
    <span className={`badge status status--${status}`} data-testid="pair-status" data-status={status} title={`${who}'s engagement is ${STATUS_LABEL[status]}`}>
      {who}: {STATUS_LABEL[status]}
    </span>
  );
}
