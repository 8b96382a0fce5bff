import type { ReactNode } from 'react';
import { roleAt } from '../../../../shared/actors/roles';
import type { EngagementInput } from '../../../../shared/contract-coding';
import type { Actor } from '../../../../shared/model/actor';
import type { Codebook } from '../../../../shared/model/codebook';
import type { EvidenceField } from '../../../../shared/model/engagement';
import { verifySpan } from '../../../../shared/text/spans';
import { ActorPicker } from './ActorPicker';

type DraftParticipant = Omit<EngagementInput['participants'][number], 'id'> & { id: string };
/** An engagement being edited: every participant has its id already (evidence points at it). */
export type Draft = Omit<EngagementInput, 'participants'> & { id: string; participants: DraftParticipant[] };

interface Props {
  draft: Draft;
  codebook: Codebook;
  actors: Map<string, Actor>;
  countries: { code: string; name: string }[];
  texts: Map<string, string>;
  focused: EvidenceField;
  issues: { field: string; message: string; severity: 'error' | 'warning' }[];
  onFocusField: (f: EvidenceField) => void;
  /**
   * An edit, applied to the latest draft (not the one this render saw): a participant a suggestion
   * adds while a role is being picked must not be lost to the older draft.
   */
  onEdit: (edit: (d: Draft) => Draft) => void;
  onActorPicked: (a: Actor) => void;
  onShowEvidence: (field: EvidenceField) => void;
  onRemoveEvidence: (id: string) => void;
}

/** The fields of one engagement. Every field takes evidence: focus it, select text, press E. */
export function EngagementEditor(p: Props) {
  const { draft, codebook } = p;
  const type = codebook.types.find((t) => t.key === draft.type);
  const allowedModes = type?.rule.modes ?? [];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => p.onEdit((d) => ({ ...d, [key]: value }));
  const toggle = (list: 'topics' | 'outcomes', key: string) => p.onEdit((d) => ({ ...d, [list]: d[list].includes(key) ? d[list].filter((k) => k !== key) : [...d[list], key] }));

  const evidenceFor = (field: EvidenceField) => draft.evidence.filter((e) => e.field === field);
  const renderField = ({ field, label, children }: { field: EvidenceField; label: string; children: ReactNode }) => {
    const ev = evidenceFor(field);
    const issue = p.issues.find((i) => i.field === field || (field === 'type' && i.field === 'participants' && false));
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: focus tracking for the evidence key, not an action
      <div className={`ef${p.focused === field ? ' ef--focused' : ''}`} data-field={field} onFocusCapture={() => p.onFocusField(field)} onMouseDown={() => p.onFocusField(field)}>
        <div className="ef__head">
          <span className="ef__label">{label}</span>
          <EvidenceChips evidence={ev} texts={p.texts} onShow={() => p.onShowEvidence(field)} onRemove={p.onRemoveEvidence} />
        </div>
        {children}
        {issue && <div className={`ef__issue ef__issue--${issue.severity}`}>{issue.message}</div>}
      </div>
    );
  };
  const participantIssue = p.issues.find((i) => i.field.startsWith('participant'));

  return (
    <div className="editor" data-testid="engagement-editor">
      {renderField({
        field: 'type',
        label: 'Type',
        children: (
          <fieldset className="seg" aria-label="Engagement type">
            {codebook.types
              .filter((t) => !t.retired || t.key === draft.type)
              .map((t) => (
                <button
                  type="button"
                  key={t.key}
                  aria-pressed={draft.type === t.key}
                  className={`seg__btn${draft.type === t.key ? ' seg__btn--on' : ''}`}
                  title={`${t.definition}${t.shortcut ? ` (key ${t.shortcut.toUpperCase()})` : ''}`}
                  data-testid={`type-${t.key}`}
                  onClick={() => p.onEdit((d) => ({ ...d, type: t.key, mode: (t.rule.modes.includes(d.mode ?? '') ? d.mode : null) ?? null }))}
                >
                  {t.label}
                  {t.shortcut && <kbd>{t.shortcut.toUpperCase()}</kbd>}
                </button>
              ))}
          </fieldset>
        ),
      })}
      {allowedModes.length > 0 &&
        renderField({
          field: 'mode',
          label: 'Mode',
          children: (
            <select className="input input--small" data-testid="field-mode" value={draft.mode ?? ''} onChange={(e) => set('mode', e.target.value || null)}>
              <option value="">—</option>
              {allowedModes.map((m) => (
                <option key={m} value={m}>
                  {codebook.modes.find((x) => x.key === m)?.label ?? m}
                </option>
              ))}
            </select>
          ),
        })}
      {renderField({
        field: 'date',
        label: 'Date',
        children: (
          <div className="row row--tight">
            <input
              className="input input--small input--date"
              data-testid="field-date"
              aria-label="Date"
              placeholder="YYYY-MM-DD"
              value={draft.date.value ?? ''}
              onChange={(e) => {
                const v = e.target.value.trim();
                const precision = /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'day' : /^\d{4}-\d{2}$/.test(v) ? 'month' : /^\d{4}$/.test(v) ? 'year' : 'unknown';
                p.onEdit((d) => ({ ...d, date: { ...d.date, value: v || null, precision: v ? precision : 'unknown', inferred: false, basis: undefined } }));
              }}
            />
            <span className="muted small" data-testid="date-precision">
              {draft.date.precision}
              {draft.date.inferred ? ' · inferred' : draft.date.value ? ' · stated' : ''}
            </span>
            {draft.date.basis && <span className="muted small date-basis" title={draft.date.basis}>{draft.date.basis}</span>}
          </div>
        ),
      })}
      {renderField({
        field: 'place',
        label: 'Location',
        children: (
          <div className="row row--tight">
            <input className="input input--small" data-testid="field-place" aria-label="Place" placeholder="Place" value={draft.place ?? ''} onChange={(e) => set('place', e.target.value || null)} />
            <select className="input input--small" data-testid="field-country" aria-label="Country" value={draft.countryCode ?? ''} onChange={(e) => set('countryCode', e.target.value || null)}>
              <option value="">Country…</option>
              {p.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ),
      })}
      <div className="ef ef--participants">
        <div className="ef__head">
          <span className="ef__label">Participants</span>
        </div>
        {draft.participants.map((part, _i) => {
          const field = `participant:${part.id}` as EvidenceField;
          const actor = p.actors.get(part.actorId) ?? null;
          const side = part.sideId ? (p.actors.get(part.sideId) ?? null) : null;
          const update = (patch: Partial<Draft['participants'][number]>) => p.onEdit((d) => ({ ...d, participants: d.participants.map((x) => (x.id === part.id ? { ...x, ...patch } : x)) }));
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: focus tracking for the evidence key
            <div key={part.id} className={`participant${p.focused === field ? ' ef--focused' : ''}`} data-field={field} data-testid="participant" onFocusCapture={() => p.onFocusField(field)} onMouseDown={() => p.onFocusField(field)}>
              <div className="participant__row">
                <ActorPicker
                  label="Actor"
                  testId="participant-actor"
                  value={actor}
                  kinds={['person', 'organisation', 'country']}
                  placeholder="Person or organisation"
                  onChange={(a) => {
                    if (!a) return;
                    p.onActorPicked(a);
                    // An empty title is filled from the role the actor held on the engagement's date.
                    const held = part.title ? null : roleAt(a, draft.date.value);
                    update({ actorId: a.id, ...(held ? { title: held.title } : {}) });
                  }}
                />
                <select className="input input--small" data-testid="participant-role" aria-label="Role" value={part.role} onChange={(e) => update({ role: e.target.value })}>
                  {codebook.roles
                    .filter((r) => !r.retired || r.key === part.role)
                    .map((r) => (
                      <option key={r.key} value={r.key}>
                        {r.label}
                      </option>
                    ))}
                </select>
                <button type="button" className="btn btn--ghost btn--small" aria-label="Remove participant" data-testid="participant-remove" onClick={() => p.onEdit((d) => ({ ...d, participants: d.participants.filter((x) => x.id !== part.id) }))}>
                  ✕
                </button>
              </div>
              <div className="participant__row">
                <input className="input input--small" data-testid="participant-title" aria-label="Title at the time" placeholder="Title at the time" value={part.title ?? ''} onChange={(e) => update({ title: e.target.value || null })} />
                <ActorPicker
                  label="Side"
                  testId="participant-side"
                  value={side}
                  kinds={['country', 'organisation']}
                  placeholder="Side: country or organisation"
                  onChange={(a) => {
                    if (!a) return;
                    p.onActorPicked(a);
                    update({ sideId: a.id });
                  }}
                />
                <EvidenceChips evidence={evidenceFor(field)} texts={p.texts} onShow={() => p.onShowEvidence(field)} onRemove={p.onRemoveEvidence} />
              </div>
            </div>
          );
        })}
        {participantIssue && <div className={`ef__issue ef__issue--${participantIssue.severity}`}>{participantIssue.message}</div>}
        <p className="muted small">Select a name in the text and press P to add it, or click an underlined suggestion.</p>
      </div>
      {renderField({
        field: 'topics',
        label: 'Topics',
        children: (
          <div className="chips">
            {codebook.topics
              .filter((t) => !t.retired || draft.topics.includes(t.key))
              .map((t) => (
                <button type="button" key={t.key} className={`chip${draft.topics.includes(t.key) ? ' chip--on' : ''}`} aria-pressed={draft.topics.includes(t.key)} title={t.definition} data-testid={`topic-${t.key}`} onClick={() => toggle('topics', t.key)}>
                  {t.label}
                </button>
              ))}
          </div>
        ),
      })}
      {renderField({
        field: 'outcomes',
        label: 'Outcomes',
        children: (
          <div className="chips">
            {codebook.outcomes
              .filter((t) => !t.retired || draft.outcomes.includes(t.key))
              .map((t) => (
                <button type="button" key={t.key} className={`chip${draft.outcomes.includes(t.key) ? ' chip--on' : ''}`} aria-pressed={draft.outcomes.includes(t.key)} title={t.definition} data-testid={`outcome-${t.key}`} onClick={() => toggle('outcomes', t.key)}>
                  {t.label}
                </button>
              ))}
          </div>
        ),
      })}
      {renderField({
        field: 'notes',
        label: 'Notes',
        children: <textarea className="input input--area-small" data-testid="field-notes" rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />,
      })}
      <div className="row row--tight editor__foot">
        <label className="field field--inline">
          <span className="field__label">Confidence</span>
          <select className="input input--small" data-testid="field-confidence" value={draft.confidence} onChange={(e) => set('confidence', e.target.value as Draft['confidence'])}>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">Status</span>
          <select className="input input--small" data-testid="field-status" value={draft.status} onChange={(e) => set('status', e.target.value as Draft['status'])}>
            <option value="draft">Draft</option>
            <option value="coded">Coded</option>
            <option value="in-review">In review</option>
            <option value="disputed">Disputed</option>
            <option value="final">Final</option>
            {draft.status === 'adjudicated' && <option value="adjudicated">Adjudicated</option>}
          </select>
        </label>
      </div>
    </div>
  );
}

function EvidenceChips({ evidence, texts, onShow, onRemove }: { evidence: Draft['evidence']; texts: Map<string, string>; onShow: () => void; onRemove: (id: string) => void }) {
  if (evidence.length === 0) return null;
  return (
    <span className="ev-chips">
      {evidence.map((e) => {
        const text = texts.get(e.documentId);
        const check = text === undefined ? { ok: true as const } : verifySpan(text, e);
        return (
          <span key={e.id} className={`ev-chip${check.ok ? '' : ' ev-chip--broken'}`} data-testid={check.ok ? 'evidence-chip' : 'evidence-broken'} title={check.ok ? `“${e.quote}”` : `This evidence no longer matches the article: ${check.reason}`}>
            <button type="button" className="ev-chip__quote" onClick={onShow}>
              “{e.quote.length > 28 ? `${e.quote.slice(0, 26)}…` : e.quote}”
            </button>
            <button type="button" className="ev-chip__x" aria-label="Remove evidence" onClick={() => e.id && onRemove(e.id)}>
              ×
            </button>
          </span>
        );
      })}
    </span>
  );
}
