import { useEffect, useState } from 'react';
import type { DoubleCoded } from '../../../../shared/contract-agreement';
import type { AgreementRow } from '../../../../shared/review/agreement';
import { liaison, subscribe } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { downloadText } from '../../ui/download';
import { AdjudicateView } from './AdjudicateView';
import { ConflictsPanel } from './ConflictsPanel';
import { ExchangePanel } from './ExchangePanel';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const num = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/**
 * Review: each coder's queue, assignment for (blind double) coding, and the agreement between two
 * coders on the documents both coded: per field, per document and for the project.
 */
export function ReviewView({ openCoding }: { openCoding: (documentId: string, engagementId?: string) => void }) {
  const [version, setVersion] = useState(0);
  useEffect(() => subscribe('db.changed', () => setVersion((v) => v + 1)), []);
  const coders = useAsync(() => liaison.coders.list({}), `coders:${version}`);
  const queue = useAsync(() => liaison.review.queue({}), `queue:${version}`);
  const agreement = useAsync(() => liaison.review.agreement({}), `agreement:${version}`);
  const [coderA, setCoderA] = useState('');
  const [coderB, setCoderB] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [adjudicating, setAdjudicating] = useState<DoubleCoded | null>(null);
  const [imports, setImports] = useState(0);

  const assignAll = async () => {
    setMessage(null);
    try {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { rows: { id: string }[]; nextCursor: string | null } = await liaison.documents.list({ limit: 500, cursor });
        ids.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      const chosen = [coderA, coderB].filter(Boolean);
      const { assigned } = await liaison.review.assign({ documentIds: ids, coderIds: chosen });
      setMessage(`${assigned} documents assigned to ${chosen.length === 2 ? 'two coders (blind double coding)' : 'one coder'}.`);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };

  const projectRows = (agreement.data?.rows ?? []).filter((r) => r.scope === 'project');
  if (adjudicating) return <AdjudicateView doc={adjudicating} onBack={() => setAdjudicating(null)} openCoding={openCoding} />;
  return (
    <div className="review" data-testid="review-view">
      <section className="review__panel">
        <h2 className="panel__title">My queue</h2>
        {queue.data && queue.data.length === 0 && <p className="muted">Nothing is assigned to you. Assign documents below, or code any article from the Library.</p>}
        {queue.data && queue.data.length > 0 && (
        <ul className="eng-list" data-testid="review-queue">
          {queue.data.map((q) => (
            <li key={q.documentId}>
              <button type="button" className="eng-list__item" onClick={() => openCoding(q.documentId)} data-testid="queue-item">
                <span>{q.title ?? 'Untitled'}</span>
                <span className="eng-list__meta">
                  {q.coders.length === 2 ? 'double coded (blind)' : 'single'} · {q.mine} engagement{q.mine === 1 ? '' : 's'} by you
                </span>
              </button>
            </li>
          ))}
        </ul>
        )}
        <h2 className="panel__title panel__title--second">Assign documents</h2>
        <div className="assign-form">
          <select className="input input--small" value={coderA} onChange={(e) => setCoderA(e.target.value)} data-testid="assign-coder-a" aria-label="First coder">
            <option value="">First coder…</option>
            {coders.data?.coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <select className="input input--small" value={coderB} onChange={(e) => setCoderB(e.target.value)} data-testid="assign-coder-b" aria-label="Second coder (for double coding)">
            <option value="">Second coder (optional)</option>
            {coders.data?.coders
              .filter((c) => c.id !== coderA)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
          <button type="button" className="btn btn--small" disabled={!coderA} onClick={() => void assignAll()} data-testid="assign-all">
            Assign all documents
          </button>
        </div>
        <p className="muted small">With two coders, each sees only their own engagements for those documents until review.</p>
        {message && (
          <p className="small" role="status" data-testid="assign-message">
            {message}
          </p>
        )}
        <ExchangePanel onImported={() => setImports((n) => n + 1)} />
      </section>
      <div className="review__column">
      <ConflictsPanel refresh={imports} />
      <section className="review__panel review__panel--wide">
        <div className="row row--tight">
          <h2 className="panel__title">Agreement</h2>
          <span className="network__spacer" />
          <button
            type="button"
            className="btn btn--small"
            disabled={!agreement.data?.rows.length}
            data-testid="agreement-csv"
            onClick={async () => {
              const f = await liaison.review.agreementCsv({});
              downloadText(f.fileName, f.csv, 'text/csv');
            }}
          >
            Export CSV
          </button>
        </div>
        {agreement.data && agreement.data.documents.length === 0 ? (
          <p className="muted" data-testid="agreement-empty">
            No document has been coded by two coders yet. Assign documents to two coders; when both have coded them, their agreement shows here.
          </p>
        ) : (
          <>
            <p className="muted small">
              {agreement.data?.documents.length} double-coded document{agreement.data?.documents.length === 1 ? '' : 's'}. Engagements are matched by type, shared participants and dates; an engagement only one coder recorded counts as a disagreement.
            </p>
            <AgreementTable rows={projectRows} />
            <h3 className="panel__title panel__title--second">Documents</h3>
            <table className="plain-table" data-testid="agreement-documents">
              <thead>
                <tr>
                  <th>Document</th>
                  <th>Coders</th>
                  <th>Type agreement</th>
                  <th>Participants agreement</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {agreement.data?.documents.map((d) => {
                  const row = (field: string) => agreement.data!.rows.find((r) => r.scope === 'document' && r.documentId === d.documentId && r.field === field);
                  return (
                    <tr key={d.documentId} tabIndex={0} onClick={() => openCoding(d.documentId)} onKeyDown={(k) => k.key === 'Enter' && openCoding(d.documentId)}>
                      <td>{d.title ?? 'Untitled'}</td>
                      <td>
                        {d.coderA.name} ({d.coderA.engagements}) · {d.coderB.name} ({d.coderB.engagements})
                      </td>
                      <td className="num">{pct(row('type')?.percentAgreement ?? null)}</td>
                      <td className="num">{pct(row('participants')?.percentAgreement ?? null)}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn--small"
                          data-testid="adjudicate"
                          onClick={(e) => {
                            e.stopPropagation();
                            setAdjudicating(d);
                          }}
                        >
                          Adjudicate
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </section>
      </div>
    </div>
  );
}

/** The statistics explain every undefined figure at length; the table shows the gist (full text on hover). */
function shortNote(note: string): string {
  if (!note) return '';
  if (/no variation/.test(note)) return 'undefined: both coders agree on one value throughout';
  if (/no unit has values/.test(note)) return 'no units coded by both';
  return note.length > 70 ? `${note.slice(0, 68)}…` : note;
}

function AgreementTable({ rows }: { rows: AgreementRow[] }) {
  return (
    <table className="plain-table" data-testid="agreement-table">
      <thead>
        <tr>
          <th>Field</th>
          <th className="num">Units</th>
          <th className="num">Agreement</th>
          <th className="num">Cohen’s κ</th>
          <th className="num">Krippendorff’s α</th>
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} data-testid="agreement-row" data-field={r.field}>
            <td>{r.field}</td>
            <td className="num">{r.units}</td>
            <td className="num">{pct(r.percentAgreement)}</td>
            <td className="num">{num(r.kappa)}</td>
            <td className="num" title={`${r.alphaKind}, ${r.alphaUnits} units, ${r.alphaValues} values`}>
              {num(r.alpha)}
            </td>
            <td className="muted small" title={r.note}>
              {shortNote(r.note)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
