import { type DragEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_IMPORT_OPTIONS, type ImportProgress, type ImportSummary } from '../../../../shared/model/library';
import { droppedPaths, liaison, subscribe, transportMode } from '../../app/transport';
import { downloadText } from '../../ui/download';
import { ImportReport } from './ImportReport';

const ENCODINGS: [string, string][] = [
  ['', 'Detect automatically'],
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Windows-1252 (Western)'],
  ['windows-1256', 'Windows-1256 (Arabic)'],
  ['iso-8859-1', 'ISO-8859-1 (Latin-1)'],
  ['iso-8859-6', 'ISO-8859-6 (Arabic)'],
  ['utf-16le', 'UTF-16 LE'],
  ['utf-16be', 'UTF-16 BE'],
];

type Stage = { kind: 'form' } | { kind: 'running'; batchId: string; progress: ImportProgress | null; cancelling: boolean } | { kind: 'report'; summary: ImportSummary };

function formatEta(ms: number | null): string {
  if (ms === null) return 'estimating time left';
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `about ${s} s left` : `about ${Math.floor(s / 60)} min ${s % 60} s left`;
}

/**
 * Import files and folders: choose sources and options, watch progress (cancellable), read the
 * report. The import itself runs in main; this only starts it and follows its events.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const [paths, setPaths] = useState('');
  const [encoding, setEncoding] = useState('');
  const [threshold, setThreshold] = useState(String(DEFAULT_IMPORT_OPTIONS.nearThreshold));
  const [maxMb, setMaxMb] = useState(String(DEFAULT_IMPORT_OPTIONS.maxFileBytes / 1024 / 1024));
  const [error, setError] = useState<string | null>(null);
  const batchRef = useRef<string | null>(null);
  const native = transportMode === 'electron';

  useEffect(() => {
    const offProgress = subscribe('import.progress', (p) => {
      if (p.batchId === batchRef.current) setStage((s) => (s.kind === 'running' ? { ...s, progress: p } : s));
    });
    const offFinished = subscribe('import.finished', (summary) => {
      if (summary.batchId === batchRef.current) setStage({ kind: 'report', summary });
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const running = stage.kind === 'running';
  const close = useCallback(() => {
    if (!running) onClose();
  }, [running, onClose]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const list = paths
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    if (list.length === 0) return setError('Name at least one file or folder to import, one per line.');
    const near = Number(threshold);
    if (!(near >= 0.5 && near <= 1)) return setError('The near-duplicate threshold is a similarity from 0.5 to 1 (0.8 finds lightly edited copies).');
    const mb = Number(maxMb);
    if (!(mb > 0)) return setError('The size limit must be a positive number of megabytes.');
    try {
      const { batchId } = await liaison.import.start({ paths: list, nearThreshold: near, maxFileBytes: Math.round(mb * 1024 * 1024), ...(encoding ? { encoding } : {}) });
      batchRef.current = batchId;
      setStage((s) => (s.kind === 'report' && s.summary.batchId === batchId ? s : { kind: 'running', batchId, progress: null, cancelling: false }));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const browse = async (kind: 'folder' | 'files') => {
    const picked = await liaison.dialogs.pickImportSources({ kind });
    if (picked) setPaths((p) => [p.trim(), ...picked.paths].filter(Boolean).join('\n'));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const dropped = droppedPaths(e.dataTransfer.files);
    if (dropped === null) {
      setError('A browser does not reveal where dropped files live. Paste their paths instead, or use the desktop app to drop folders.');
      return;
    }
    if (dropped.length) setPaths((p) => [p.trim(), ...dropped].filter(Boolean).join('\n'));
  };

  const cancel = async () => {
    if (stage.kind !== 'running') return;
    setStage({ ...stage, cancelling: true });
    await liaison.import.cancel({ batchId: stage.batchId });
  };

  const saveCsv = async (batchId: string) => {
    const { fileName, csv } = await liaison.import.reportCsv({ batchId });
    downloadText(fileName, csv, 'text/csv');
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside the dialog closes it, as Esc does
    <div className="modal-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog" data-stage={stage.kind}>
        <header className="modal__header">
          <h2 id="import-title">Import articles</h2>
        </header>
        {stage.kind === 'form' && (
          <form className="modal__body form" onSubmit={start} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
            <label className="field">
              <span className="field__label">Files and folders, one per line (folders are read recursively); or drop them here</span>
              <textarea
                className="input input--area"
                data-testid="import-paths"
                value={paths}
                onChange={(e) => setPaths(e.target.value)}
                rows={4}
                spellCheck={false}
                placeholder="/home/analyst/articles/2023-04"
                autoFocus
              />
            </label>
            {native && (
              <div className="row">
                <button type="button" className="btn btn--small" onClick={() => browse('folder')}>
                  Choose folders…
                </button>
                <button type="button" className="btn btn--small" onClick={() => browse('files')}>
                  Choose files…
                </button>
              </div>
            )}
            <p className="muted small">Reads .txt, .md, .html, .pdf, .docx, .eml, .json and .jsonl. Files already imported and unchanged are skipped; nothing in the project is overwritten.</p>
            <div className="row row--fields">
              <label className="field">
                <span className="field__label">Encoding</span>
                <select className="input" data-testid="import-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
                  {ENCODINGS.map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field__label">Near-duplicate similarity</span>
                <input className="input" data-testid="import-threshold" type="number" min={0.5} max={1} step={0.05} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
              </label>
              <label className="field">
                <span className="field__label">Size limit (MB)</span>
                <input className="input" data-testid="import-max-mb" type="number" min={1} step={1} value={maxMb} onChange={(e) => setMaxMb(e.target.value)} />
              </label>
            </div>
            {error && (
              <p className="form-error" role="alert" data-testid="import-error">
                {error}
              </p>
            )}
            <footer className="modal__footer">
              <button type="button" className="btn" onClick={close}>
                Cancel
              </button>
              <button type="submit" className="btn btn--primary" data-testid="import-start">
                Import
              </button>
            </footer>
          </form>
        )}
        {stage.kind === 'running' && (
          <div className="modal__body" data-testid="import-running">
            <ImportProgressView progress={stage.progress} />
            <footer className="modal__footer">
              <button type="button" className="btn" data-testid="import-cancel" disabled={stage.cancelling} onClick={cancel}>
                {stage.cancelling ? 'Cancelling…' : 'Cancel import'}
              </button>
            </footer>
          </div>
        )}
        {stage.kind === 'report' && (
          <div className="modal__body">
            <ImportReport summary={stage.summary} />
            <footer className="modal__footer">
              <button type="button" className="btn" data-testid="import-save-csv" onClick={() => saveCsv(stage.summary.batchId)}>
                Save report as CSV
              </button>
              <button type="button" className="btn btn--primary" data-testid="import-close" onClick={onClose}>
                Close
              </button>
            </footer>
          </div>
        )}
      </div>
    </div>
  );
}

function ImportProgressView({ progress }: { progress: ImportProgress | null }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const phase = progress?.phase ?? 'scanning';
  const label = phase === 'scanning' ? 'Looking for files…' : phase === 'duplicates' ? 'Finding duplicates and repeated boilerplate…' : phase === 'importing' ? `${done.toLocaleString()} of ${total.toLocaleString()} files` : 'Finishing…';
  return (
    <div className="progress-block">
      <div className="progress-block__label" data-testid="import-progress-label">
        {label}
      </div>
      <progress className="progress" max={total || 1} value={phase === 'importing' ? done : phase === 'scanning' ? undefined : total} data-testid="import-progress" />
      {phase === 'importing' && progress && (
        <div className="progress-block__stats muted small">
          {progress.filesPerSecond.toFixed(1)} files/s · {formatEta(progress.etaMs)}
        </div>
      )}
      {progress?.currentPath && (
        <div className="progress-block__file" title={progress.currentPath} data-testid="import-current-file">
          {/* Cut on the left (the container runs right to left); the path itself reads left to right, its slashes in place. */}
          <bdi dir="ltr">{progress.currentPath}</bdi>
        </div>
      )}
    </div>
  );
}
