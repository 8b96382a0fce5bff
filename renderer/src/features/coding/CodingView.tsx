import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { organisationByKey } from '../../../../shared/actors/organisations';
import { roleAt } from '../../../../shared/actors/roles';
import type { Actor, ActorRole, TextSuggestion } from '../../../../shared/model/actor';
import type { Codebook } from '../../../../shared/model/codebook';
import { codedFields, type Engagement, type EvidenceField } from '../../../../shared/model/engagement';
import type { DocumentDetail } from '../../../../shared/model/library';
import { liaison, subscribe } from '../../app/transport';
import { CommentsPanel } from './CommentsPanel';
import { type Draft, EngagementEditor } from './EngagementEditor';
import { HistoryPanel } from './HistoryPanel';
import { LinkEngagement } from './LinkEngagement';
import { type Highlight, SourceText, type SourceTextHandle } from './SourceText';
import { record, redo, undo, useUndoState } from './undo';

const AUTOSAVE_MS = 500;

const toDraft = (e: Engagement): Draft => codedFields(e);

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * The side an actor acts for in a role: an international organisation the role is held in, else the
 * country (of the role, of that organisation, or of the actor).
 */
async function roleSide(actor: Actor, held: ActorRole | null): Promise<Actor | null> {
  let code = held?.countryCode ?? actor.countryCode;
  if (held?.organisationId) {
    const org = await liaison.actors.get({ id: held.organisationId }).catch(() => null);
    if (org && !org.countryCode) return org;
    code = org?.countryCode ?? code;
  }
  return code ? liaison.actors.country({ countryCode: code }).catch(() => null) : null;
}

/**
 * The coding screen: the article on the left, its engagements on the right. Select text, then a
 * key attaches it as evidence to the field in focus (E) or adds the person as a participant (P).
 * Every change saves itself and can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z).
 */
export function CodingView({ documentId, engagementId, query, onBack }: { documentId: string; engagementId?: string; /** Marked in the text: the search it was opened from. */ query?: string; onBack: () => void }) {
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [codebook, setCodebook] = useState<Codebook | null>(null);
  const [engagements, setEngagements] = useState<Engagement[]>([]);
  const [actors, setActors] = useState<Map<string, Actor>>(new Map());
  const [suggestions, setSuggestions] = useState<TextSuggestion[]>([]);
  const [countries, setCountries] = useState<{ code: string; name: string }[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  // The latest draft, for edits that finish after an await (a fast analyst's second key press
  // must build on the first, not on the draft both started from). Set only with the state, never
  // from a render: React may render a click before an edit that finished earlier, and copying that
  // render's draft here would drop the edit (a participant added by one click, lost by the next).
  const draftRef = useRef<Draft | null>(null);
  const replaceDraft = useCallback((next: Draft | null) => {
    draftRef.current = next;
    setDraft(next);
  }, []);
  const [focused, setFocused] = useState<EvidenceField>('type');
  const [issues, setIssues] = useState<{ field: string; message: string; severity: 'error' | 'warning' }[]>([]);
  const [status, setStatus] = useState<{ kind: 'idle' | 'pending' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });
  // What an action could not do ("select a name first"): shown until the next edit, so an autosave
  // finishing meanwhile does not wipe it before it is read.
  const [hint, setHint] = useState<string | null>(null);
  const [showBoilerplate, setShowBoilerplate] = useState(true);
  const [showHistory, setShowHistory] = useState(false);
  const [showLink, setShowLink] = useState(false);
  const source = useRef<SourceTextHandle>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; draft: Draft } | null>(null);
  const undoState = useUndoState();

  const loadActors = useCallback(async () => {
    const list = await liaison.actors.list({ query: '', limit: 1000 });
    setActors(new Map(list.map((a) => [a.id, a])));
  }, []);
  const loadEngagements = useCallback(async () => {
    const list = await liaison.engagements.forDocument({ documentId });
    setEngagements(list);
    return list;
  }, [documentId]);

  useEffect(() => {
    let alive = true;
    void (async () => {
      const [d, cb, list, sugg, cs] = await Promise.all([
        liaison.documents.get({ id: documentId, ...(query ? { query } : {}) }),
        liaison.codebooks.active({}),
        loadEngagements(),
        liaison.documents.suggestions({ documentId }),
        liaison.actors.countries({}),
      ]);
      await loadActors();
      if (!alive) return;
      setDoc(d);
      setCodebook(cb);
      setSuggestions(sugg);
      setCountries(cs);
      const first = list.find((e) => e.id === engagementId) ?? list[0];
      replaceDraft(first ? toDraft(first) : null);
    })();
    return () => {
      alive = false;
    };
  }, [documentId, engagementId, query, loadActors, loadEngagements, replaceDraft]);

  useEffect(() => subscribe('db.changed', ({ tables }) => tables.includes('actors') && void loadActors()), [loadActors]);

  /**
   * Save now (flushing the debounce); records the undo step. Saves run one after another, and
   * undo waits for the one in flight, so a step is never undone before it has been recorded.
   */
  const inflight = useRef<Promise<void>>(Promise.resolve());
  const saveNow = useCallback((d: Draft, label = 'Edit engagement') => {
    if (pending.current) {
      clearTimeout(pending.current.timer);
      pending.current = null;
    }
    const run = async () => {
      setStatus({ kind: 'saving' });
      try {
        const { engagement, inverse, issues: found } = await liaison.engagements.save({ engagement: d });
        record(label, inverse);
        setIssues(found);
        setEngagements((list) => (list.some((e) => e.id === engagement.id) ? list.map((e) => (e.id === engagement.id ? engagement : e)) : [...list, engagement]));
        setStatus({ kind: 'saved' });
      } catch (err) {
        setStatus({ kind: 'error', message: (err as Error).message });
      }
    };
    inflight.current = inflight.current.then(run);
    return inflight.current;
  }, []);

  const change = useCallback(
    (next: Draft, label?: string) => {
      replaceDraft(next);
      setHint(null);
      setStatus({ kind: 'pending' });
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { draft: next, timer: setTimeout(() => void saveNow(next, label), AUTOSAVE_MS) };
    },
    [saveNow, replaceDraft],
  );
  /** Apply an edit to the latest draft. */
  const update = useCallback(
    (edit: (d: Draft) => Draft, label?: string) => {
      if (draftRef.current) change(edit(draftRef.current), label);
    },
    [change],
  );

  const flush = useCallback(async () => {
    if (pending.current) await saveNow(pending.current.draft);
    await inflight.current;
  }, [saveNow]);

  const newEngagement = useCallback(async () => {
    if (!codebook) return;
    await flush();
    const previous = draft;
    const next: Draft = {
      id: crypto.randomUUID(),
      type: codebook.types.find((t) => !t.retired)?.key ?? 'CONSULT',
      mode: null,
      // The next engagement in an article usually shares its date and place.
      date: previous?.date ?? { value: null, precision: 'unknown', inferred: false },
      place: previous?.place ?? null,
      countryCode: previous?.countryCode ?? null,
      participants: [],
      topics: [],
      outcomes: [],
      notes: '',
      confidence: 'medium',
      status: 'draft',
      sources: [{ documentId, primary: true }],
      evidence: [],
    };
    replaceDraft(next);
    setFocused('type');
    await saveNow(next, 'New engagement');
  }, [codebook, draft, documentId, flush, saveNow, replaceDraft]);

  const attachEvidence = useCallback(() => {
    if (!draft || !doc) return false;
    const sel = source.current?.selection();
    if (!sel) {
      setHint('Select the words in the article that show this, then press E.');
      return false;
    }
    update((d) => ({ ...d, evidence: [...d.evidence, { id: crypto.randomUUID(), documentId: doc.id, field: focused, ...sel }] }), 'Add evidence');
    window.getSelection()?.removeAllRanges();
    return true;
  }, [doc, draft, focused, update]);

  const addParticipant = useCallback(
    async (actor: Actor, opts: { title?: string | null; sideId?: string | null; span?: { start: number; end: number; quote: string } } = {}) => {
      if (!draft || !doc || !codebook) return;
      const pid = crypto.randomUUID();
      // The title at the time and the side come from the role the actor held on the engagement's
      // date, unless the text gave them.
      const held = roleAt(actor, draft.date.value);
      const title = opts.title !== undefined ? opts.title : (held?.title ?? null);
      let sideId = opts.sideId;
      if (sideId === undefined && actor.kind !== 'country') {
        const side = await roleSide(actor, held);
        if (side) setActors((m) => new Map(m).set(side.id, side));
        sideId = side?.id ?? null;
      }
      const roles = codebook.roles.filter((r) => !r.retired);
      const role = roles.find((r) => r.key === 'participant')?.key ?? roles[0]?.key ?? 'participant';
      setActors((m) => new Map(m).set(actor.id, actor));
      setFocused(`participant:${pid}`);
      update(
        (d) => ({
          ...d,
          participants: [...d.participants, { id: pid, actorId: actor.id, role, title, sideId: sideId ?? null }],
          evidence: opts.span ? [...d.evidence, { id: crypto.randomUUID(), documentId: doc.id, field: `participant:${pid}`, ...opts.span }] : d.evidence,
        }),
        'Add participant',
      );
    },
    [codebook, doc, draft, update],
  );

  const participantFromSelection = useCallback(async () => {
    const sel = source.current?.selection();
    if (!sel || !draft) {
      setHint('Select a name in the article, then press P to add it as a participant.');
      return;
    }
    // Taken now: the analyst may already be selecting the next name while this one is looked up.
    window.getSelection()?.removeAllRanges();
    const matches = await liaison.actors.list({ query: sel.quote, limit: 1 });
    const known = matches[0] && (matches[0].name === sel.quote || matches[0].aliases.includes(sel.quote)) ? matches[0] : null;
    const actor = known ?? (await liaison.actors.save({ actor: { kind: 'person', name: sel.quote, aliases: [], countryCode: null, roles: [], notes: '' } })).actor;
    await addParticipant(actor, { span: sel });
  }, [addParticipant, draft]);

  /** The side a suggested person acts for: their organisation when the text names one, else their country. */
  const sideFor = useCallback(async (s: TextSuggestion): Promise<Actor | null> => {
    if (s.kind === 'organisation') return null;
    // International bodies are sides of their own; a national council or ministry acts for its state.
    const org = s.organisation ? organisationByKey(s.organisation.key) : undefined;
    const international = org && (org.type === 'intergovernmental' || org.type === 'military-alliance' || org.type === 'mission');
    if (s.organisation && (international || !s.countryCode)) {
      const found = await liaison.actors.list({ query: s.organisation.name, kind: 'organisation', limit: 1 });
      if (found[0]?.name === s.organisation.name) return found[0];
      return (await liaison.actors.save({ actor: { kind: 'organisation', name: s.organisation.name, aliases: [], countryCode: null, roles: [], notes: '' } })).actor;
    }
    return s.countryCode ? liaison.actors.country({ countryCode: s.countryCode }) : null;
  }, []);

  const applySuggestion = useCallback(
    async (s: TextSuggestion) => {
      if (!draft || !doc) return;
      const span = { start: s.start, end: s.end, quote: s.quote };
      if (s.kind === 'date' && !s.date?.value) {
        setHint(s.note ?? `"${s.quote}" cannot be resolved: the article has no publication date. Set the article's date in the reader, or type the date.`);
        return;
      }
      if (s.kind === 'date' && s.date) {
        const date = s.date;
        update((d) => ({ ...d, date: { value: date.value, precision: date.precision, inferred: date.inferred, ...(date.basis ? { basis: date.basis } : {}) }, evidence: [...d.evidence, { id: crypto.randomUUID(), documentId: doc.id, field: 'date', ...span }] }), 'Set date');
        return;
      }
      if ((s.kind === 'capital' || s.kind === 'country' || s.kind === 'demonym') && s.countryCode) {
        if (focused.startsWith('participant:')) {
          const side = await liaison.actors.country({ countryCode: s.countryCode });
          setActors((m) => new Map(m).set(side.id, side));
          const pid = focused.slice('participant:'.length);
          update((d) => ({ ...d, participants: d.participants.map((p) => (p.id === pid ? { ...p, sideId: side.id } : p)), evidence: [...d.evidence, { id: crypto.randomUUID(), documentId: doc.id, field: focused, ...span }] }), 'Set side');
        } else {
          const countryCode = s.countryCode;
          update((d) => ({ ...d, place: s.kind === 'capital' ? s.quote : d.place, countryCode, evidence: [...d.evidence, { id: crypto.randomUUID(), documentId: doc.id, field: 'place', ...span }] }), 'Set location');
        }
        return;
      }
      // A person, organisation or known actor: link it (or create it, title and side filled in).
      let actor: Actor | null = s.actorId ? (actors.get(s.actorId) ?? null) : null;
      if (!actor) {
        const name = s.name ?? s.quote;
        const found = await liaison.actors.list({ query: name, limit: 1 });
        actor = found[0] && (found[0].name === name || found[0].aliases.includes(name)) ? found[0] : null;
        if (!actor) {
          const kind = s.kind === 'organisation' ? 'organisation' : 'person';
          actor = (await liaison.actors.save({ actor: { kind, name, // The quote of a titled name holds the title too ("Iraq's National Security Adviser, Qasim
          // al-Araji"): that is no spelling of the name, so only other quotes become aliases.
          aliases: s.kind !== 'person-with-title' && s.quote !== name ? [s.quote] : [], countryCode: s.countryCode ?? null, roles: s.title ? [{ title: s.title, organisationId: null, countryCode: s.countryCode ?? null, from: null, to: null }] : [], notes: '' } })).actor;
        }
      }
      const side = await sideFor(s);
      if (side) setActors((m) => new Map(m).set(side.id, side));
      await addParticipant(actor, { ...(s.title ? { title: s.title } : {}), ...(side ? { sideId: side.id } : {}), span });
    },
    [actors, addParticipant, doc, draft, focused, sideFor, update],
  );

  const doUndo = useCallback(
    async (direction: 'undo' | 'redo') => {
      await flush();
      try {
        const label = direction === 'undo' ? await undo() : await redo();
        if (!label) return;
        const list = await loadEngagements();
        await loadActors();
        const d = draftRef.current;
        const same = d ? list.find((e) => e.id === d.id) : undefined;
        replaceDraft(same ? toDraft(same) : list[0] ? toDraft(list[0]) : null);
        setStatus({ kind: 'saved', message: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${label}` });
      } catch (err) {
        setStatus({ kind: 'error', message: (err as Error).message });
      }
    },
    [flush, loadActors, loadEngagements, replaceDraft],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !typing(e.target)) {
        e.preventDefault();
        void doUndo(e.shiftKey ? 'redo' : 'undo');
        return;
      }
      if (mod && e.key === 'Enter' && draft) {
        e.preventDefault();
        void saveNow(draft);
        return;
      }
      if (mod || e.altKey || typing(e.target)) return;
      if (e.key === 'Enter' && draft) {
        e.preventDefault();
        void saveNow(draft);
      } else if (e.key === 'n') {
        e.preventDefault();
        void newEngagement();
      } else if (e.key === 'e') {
        e.preventDefault();
        attachEvidence();
      } else if (e.key === 'p') {
        e.preventDefault();
        void participantFromSelection();
      } else if (e.key === 'Escape') {
        void flush().then(onBack);
      } else if (draft && codebook) {
        const t = codebook.types.find((x) => !x.retired && x.shortcut === e.key.toLowerCase());
        if (t) {
          e.preventDefault();
          update((d) => ({ ...d, type: t.key, mode: t.rule.modes.includes(d.mode ?? '') ? d.mode : null }), 'Change type');
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [attachEvidence, codebook, doUndo, draft, flush, newEngagement, onBack, participantFromSelection, saveNow, update]);

  const highlights = useMemo((): Highlight[] => {
    if (!doc) return [];
    const out: Highlight[] = [];
    for (const e of engagements) {
      if (e.id === draft?.id) continue;
      for (const ev of e.evidence) if (ev.documentId === doc.id) out.push({ start: ev.start, end: ev.end, tone: 'other', title: `Evidence (${e.type}) — ${ev.field}` });
    }
    for (const ev of draft?.evidence ?? []) {
      if (ev.documentId === doc.id) out.push({ start: ev.start, end: ev.end, tone: ev.field === focused ? 'focus' : 'active', title: `Evidence: ${ev.field}` });
    }
    return out;
  }, [doc, draft, engagements, focused]);

  const texts = useMemo(() => new Map(doc ? [[doc.id, doc.text]] : []), [doc]);

  if (!doc || !codebook) return <div className="coding coding--loading" aria-busy="true" data-testid="coding-loading" />;

  return (
    <div className="coding" data-testid="coding-view" data-save-state={status.kind}>
      <section className="coding__source" aria-label="Article">
        <header className="coding__bar">
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void flush().then(onBack)} title="Back (Esc)">
            ← Back
          </button>
          <h2 className="coding__title" title={doc.title ?? ''}>
            {doc.title ?? 'Untitled'}
          </h2>
          <span className="muted small">
            {[doc.outlet, doc.publishedAt].filter(Boolean).join(' · ')}
          </span>
          <label className="toggle small">
            <input type="checkbox" checked={showBoilerplate} onChange={(e) => setShowBoilerplate(e.target.checked)} /> boilerplate
          </label>
        </header>
        <div className="coding__text">
          <SourceText ref={source} text={doc.text} ranges={doc.ranges} highlights={highlights} searchHits={doc.hits} suggestions={suggestions} showBoilerplate={showBoilerplate} onSuggestion={(s) => void applySuggestion(s)} />
        </div>
      </section>
      <aside className="coding__side" aria-label="Engagements">
        <header className="coding__bar">
          <div className="eng-tabs" role="tablist" aria-label="Engagements in this article">
            {engagements.map((e, i) => (
              <button
                type="button"
                role="tab"
                key={e.id}
                aria-selected={draft?.id === e.id}
                className={`eng-tab${draft?.id === e.id ? ' eng-tab--on' : ''}`}
                data-testid="engagement-tab"
                onClick={async () => {
                  await flush();
                  replaceDraft(toDraft(e));
                }}
              >
                {i + 1}. {codebook.types.find((t) => t.key === e.type)?.label ?? e.type}
                <span className={`status-dot status-dot--${e.status}`} title={e.status} />
              </button>
            ))}
          </div>
          {draft && (
            <button type="button" className="btn btn--ghost btn--small" data-testid="open-history" onClick={() => void flush().then(() => setShowHistory(true))} title="Who changed this engagement, and when">
              History
            </button>
          )}
          <button type="button" className="btn btn--ghost btn--small" data-testid="open-link" onClick={() => void flush().then(() => setShowLink(true))} title="This article reports an engagement already coded from another article">
            Link…
          </button>
          <button type="button" className="btn btn--small" data-testid="new-engagement" onClick={() => void newEngagement()} title="New engagement (N)">
            + New
          </button>
        </header>
        <div className="coding__editor">
          {showLink ? (
            <LinkEngagement
              documentId={documentId}
              onClose={() => setShowLink(false)}
              onLinked={async (id) => {
                setShowLink(false);
                const list = await loadEngagements();
                const linked = list.find((e) => e.id === id);
                if (linked) replaceDraft(toDraft(linked));
                setStatus({ kind: 'saved', message: 'Linked: this article is now a source of the engagement' });
              }}
            />
          ) : showHistory && draft ? (
            <HistoryPanel
              engagementId={draft.id}
              onClose={() => setShowHistory(false)}
              onRestored={async () => {
                const list = await loadEngagements();
                const same = list.find((e) => e.id === draft.id);
                if (same) replaceDraft(toDraft(same));
              }}
            />
          ) : draft ? (
            <EngagementEditor
              draft={draft}
              codebook={codebook}
              actors={actors}
              countries={countries}
              texts={texts}
              focused={focused}
              issues={issues}
              onFocusField={setFocused}
              onEdit={(edit) => update(edit)}
              onActorPicked={(a) => setActors((m) => new Map(m).set(a.id, a))}
              onShowEvidence={(f) => {
                const first = draft.evidence.find((x) => x.field === f);
                if (first) source.current?.scrollTo(first.start);
              }}
              onRemoveEvidence={(id) => update((d) => ({ ...d, evidence: d.evidence.filter((x) => x.id !== id) }), 'Remove evidence')}
            />
          ) : (
            <div className="empty-state" data-testid="no-engagements">
              <h2 className="empty-state__title">No engagements in this article yet</h2>
              <p className="empty-state__body">
                Press <kbd>N</kbd> to record one. Then pick its type ({codebook.types.filter((t) => t.shortcut && !t.retired).map((t) => `${t.shortcut!.toUpperCase()} ${t.label}`).join(', ')}), select words in the article and press <kbd>E</kbd> to attach them as evidence to the field in focus, or <kbd>P</kbd> to add a participant.
              </p>
            </div>
          )}
          {draft && engagements.some((e) => e.id === draft.id) && <CommentsPanel key={draft.id} entity="engagement" entityId={draft.id} title="Comments on this engagement" />}
          <CommentsPanel key={doc.id} entity="document" entityId={doc.id} title="Comments on this article" />
        </div>
        <footer className="coding__status" data-testid="save-status">
          <span className={`save save--${status.kind}`}>
            {status.kind === 'saving' || status.kind === 'pending' ? 'Saving…' : status.kind === 'saved' ? (status.message ?? 'Saved') : status.kind === 'error' ? status.message : 'Changes save themselves'}
          </span>
          {hint && (
            <span className="save save--error" role="alert" data-testid="coding-hint">
              {hint}
            </span>
          )}
          <span className="coding__keys muted small">
            <kbd>N</kbd> new · <kbd>E</kbd> evidence · <kbd>P</kbd> participant · <kbd title={undoState.canUndo ? `Undo: ${undoState.undoLabel}` : 'Nothing to undo'}>Ctrl Z</kbd> undo · <kbd>Ctrl ⇧ Z</kbd> redo
          </span>
        </footer>
      </aside>
    </div>
  );
}
