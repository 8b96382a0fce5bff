import { type ChangeEvent, useCallback, useEffect, useState } from 'react';
import { addValue, keyFromLabel, renameValue, reorderValues, retireValue, unretireValue, updateDefinition } from '../../../../shared/codebook';
import type { Codebook, CodebookList } from '../../../../shared/model/codebook';
import { liaison, subscribe } from '../../app/transport';
import { downloadText } from '../../ui/download';

const LISTS: { key: CodebookList; label: string }[] = [
  { key: 'types', label: 'Types' },
  { key: 'modes', label: 'Modes' },
  { key: 'topics', label: 'Topics' },
  { key: 'roles', label: 'Roles' },
  { key: 'outcomes', label: 'Outcomes' },
];

/**
 * The codebook: its lists with definitions. Values can be added, renamed, retired (kept for old
 * records) and reordered; saving makes the next version, which new engagements are coded under.
 * Import and export as JSON; start over from a shipped preset.
 */
export function CodebookView() {
  const [saved, setSaved] = useState<Codebook | null>(null);
  const [draft, setDraft] = useState<Codebook | null>(null);
  const [list, setList] = useState<CodebookList>('types');
  const [presets, setPresets] = useState<Codebook[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newDefinition, setNewDefinition] = useState('');

  const load = useCallback(
    () =>
      liaison.codebooks.active({}).then((cb) => {
        setSaved(cb);
        setDraft(cb);
      }),
    [],
  );
  useEffect(() => {
    void load();
    void liaison.codebooks.presets({}).then(setPresets);
    return subscribe('db.changed', ({ tables }) => tables.includes('codebooks') && void load());
  }, [load]);
  if (!draft || !saved) return <div aria-busy="true" />;
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const edit = (fn: (cb: Codebook) => Codebook) => {
    try {
      setDraft(fn(draft));
      setMessage(null);
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  };
  const save = async () => {
    try {
      const next = await liaison.codebooks.save({ json: JSON.stringify({ ...draft, version: saved.version + 1 }) });
      setSaved(next);
      setDraft(next);
      setMessage({ kind: 'ok', text: `Saved as version ${next.version}. New engagements are coded under it; older ones keep the version they were coded under.` });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const cb = await liaison.codebooks.import({ json: await file.text() });
      setMessage({ kind: 'ok', text: `Imported "${cb.name}" and made it the active codebook.` });
      await load();
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  };
  const values = draft[list];

  return (
    <div className="codebook" data-testid="codebook-view">
      <div className="network__toolbar">
        <strong data-testid="codebook-name">{draft.name}</strong>
        <span className="muted small" data-testid="codebook-version">
          version {saved.version}
          {dirty ? ' · unsaved changes' : ''}
        </span>
        <span className="network__spacer" />
        <button type="button" className="btn btn--primary btn--small" disabled={!dirty} onClick={() => void save()} data-testid="codebook-save">
          Save as version {saved.version + 1}
        </button>
        <button type="button" className="btn btn--small" disabled={!dirty} onClick={() => setDraft(saved)}>
          Discard
        </button>
        <button
          type="button"
          className="btn btn--small"
          data-testid="codebook-export"
          onClick={async () => {
            const f = await liaison.codebooks.export({ id: saved.id });
            downloadText(f.fileName, f.json, 'application/json');
          }}
        >
          Export JSON
        </button>
        <label className="btn btn--small">
          Import JSON
          <input type="file" accept=".json,application/json" hidden onChange={(e) => void importFile(e)} data-testid="codebook-import" />
        </label>
        <select
          className="input input--small"
          aria-label="Start from a preset"
          value=""
          onChange={async (e) => {
            if (!e.target.value) return;
            const cb = await liaison.codebooks.import({ presetId: e.target.value });
            setMessage({ kind: 'ok', text: `Started a codebook from the preset "${cb.name}"; it is now active.` });
            await load();
          }}
        >
          <option value="">Start from a preset…</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'form-error codebook__msg' : 'codebook__msg'} role="status" data-testid="codebook-message">
          {message.text}
        </p>
      )}
      <div className="codebook__body">
        <nav className="codebook__lists" aria-label="Lists">
          {LISTS.map((l) => (
            <button type="button" key={l.key} className={`nav__item${l.key === list ? ' nav__item--active' : ''}`} onClick={() => setList(l.key)} data-testid={`codebook-list-${l.key}`}>
              {l.label} <span className="muted small">{draft[l.key].filter((v) => !v.retired).length}</span>
            </button>
          ))}
        </nav>
        <div className="codebook__table-wrap">
          <table className="plain-table" data-testid="codebook-table">
            <thead>
              <tr>
                <th>Label</th>
                <th>Key</th>
                <th>Definition</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {values.map((v, i) => (
                <tr key={v.key} className={v.retired ? 'codebook__retired' : undefined} data-testid="codebook-value" data-key={v.key}>
                  <td>
                    <input className="input input--small" value={v.label} aria-label={`Label of ${v.key}`} onChange={(e) => edit((cb) => renameValue(cb, list, v.key, e.target.value))} />
                  </td>
                  <td className="mono">{v.key}</td>
                  <td>
                    <textarea className="input input--area-small" rows={2} value={v.definition} aria-label={`Definition of ${v.key}`} onChange={(e) => edit((cb) => updateDefinition(cb, list, v.key, { definition: e.target.value }))} />
                  </td>
                  <td className="codebook__actions">
                    <button type="button" className="btn btn--ghost btn--small" disabled={i === 0} aria-label="Move up" onClick={() => edit((cb) => reorderValues(cb, list, swap(values.map((x) => x.key), i, i - 1)))}>
                      ↑
                    </button>
                    <button type="button" className="btn btn--ghost btn--small" disabled={i === values.length - 1} aria-label="Move down" onClick={() => edit((cb) => reorderValues(cb, list, swap(values.map((x) => x.key), i, i + 1)))}>
                      ↓
                    </button>
                    <button type="button" className="btn btn--small" data-testid="codebook-retire" onClick={() => edit((cb) => (v.retired ? unretireValue(cb, list, v.key) : retireValue(cb, list, v.key)))}>
                      {v.retired ? 'Restore' : 'Retire'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="codebook__add"
            onSubmit={(e) => {
              e.preventDefault();
              const label = newLabel.trim();
              edit((cb) =>
                list === 'types'
                  ? addValue(cb, 'types', { key: keyFromLabel(label).toUpperCase(), label, definition: newDefinition.trim(), rule: { minParticipants: 1, needsRecipient: false, modes: [] } })
                  : addValue(cb, list, { key: keyFromLabel(label), label, definition: newDefinition.trim() }),
              );
              setNewLabel('');
              setNewDefinition('');
            }}
          >
            <input className="input input--small" placeholder={`New ${list.slice(0, -1)}: label`} value={newLabel} onChange={(e) => setNewLabel(e.target.value)} data-testid="codebook-new-label" aria-label="New value's label" />
            <input className="input input--small" placeholder="Definition" value={newDefinition} onChange={(e) => setNewDefinition(e.target.value)} data-testid="codebook-new-definition" aria-label="New value's definition" />
            <button type="submit" className="btn btn--small" disabled={!newLabel.trim()} data-testid="codebook-add">
              Add
            </button>
          </form>
          <p className="muted small">Keys never change (engagements store them); labels can. Retired values stay readable on old records but are not offered for new coding.</p>
        </div>
      </div>
    </div>
  );
}

function swap(keys: string[], i: number, j: number): string[] {
  const next = [...keys];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}
