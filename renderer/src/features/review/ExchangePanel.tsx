import { useRef, useState } from 'react';
import type { BundleCounts, BundleReport, BundleSummary } from '../../../../shared/contract-bundles';
import { liaison } from '../../app/transport';
import { useAsync } from '../../app/use-async';
import { downloadBlob } from '../../ui/download';
import { formatDateTime } from '../../ui/format';

const countsText = (c: Partial<BundleCounts> & Record<string, number | undefined>): string =>
  Object.entries(c)
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([k, n]) => `${n} ${n === 1 ? k.replace(/s$/, '') : k}`)
    .join(', ') || 'nothing';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}
function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Exchange with coders on other machines: export this project's work (everyone's, or one coder's,
 * optionally since a date) as a bundle file, and import a bundle: checked and described first, then
 * merged by stable ids, with a report of what was added, updated, skipped and what conflicts.
 */
export function ExchangePanel({ onImported }: { onImported: (report: BundleReport) => void }) {
  const coders = useAsync(() => liaison.coders.list({}), 'exchange-coders');
  const [coderId, setCoderId] = useState('');
  const [since, setSince] = useState('');
  const [busy, setBusy] = useState<'export' | 'inspect' | 'import' | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<{ name: string; base64: string; summary: BundleSummary & { sameProject: boolean } } | null>(null);
  const [report, setReport] = useState<BundleReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportBundle = async () => {
    setBusy('export');
    setMessage(null);
    try {
      const { fileName, base64, summary } = await liaison.bundles.export({ ...(coderId ? { coderId } : {}), ...(since ? { since: new Date(`${since}T00:00:00`).toISOString() } : {}) });
      downloadBlob(fileName, new Blob([fromBase64(base64)], { type: 'application/zip' }));
      setMessage({ kind: 'ok', text: `${fileName}: ${countsText({ engagements: summary.counts.engagements, actors: summary.counts.actors, comments: summary.counts.comments, codebooks: summary.counts.codebooks, 'audit entries': summary.counts.auditEntries })}.` });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const inspect = async (file: File) => {
    setBusy('inspect');
    setMessage(null);
    setReport(null);
    setPending(null);
    try {
      const base64 = toBase64(await file.arrayBuffer());
      const summary = await liaison.bundles.inspect({ base64 });
      setPending({ name: file.name, base64, summary });
    } catch (err) {
      setMessage({ kind: 'error', text: `${file.name} cannot be imported: ${(err as Error).message}` });
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const importPending = async () => {
    if (!pending) return;
    setBusy('import');
    try {
      const r = await liaison.bundles.import({ base64: pending.base64 });
      setReport(r);
      setPending(null);
      onImported(r);
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="exchange" data-testid="exchange">
      <h2 className="panel__title panel__title--second">Exchange with other machines</h2>
      <p className="muted small">Coders working on copies of this project send their work as bundle files; importing one merges it by record, and edits made on both sides wait for you below as conflicts.</p>
      <div className="assign-form">
        <select className="input input--small" value={coderId} onChange={(e) => setCoderId(e.target.value)} aria-label="Whose work to export" data-testid="export-coder">
          <option value="">Everyone's work</option>
          {coders.data?.coders.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}'s work
            </option>
          ))}
        </select>
        <input className="input input--small" type="date" value={since} onChange={(e) => setSince(e.target.value)} aria-label="Only changes since" title="Only changes since (optional)" data-testid="export-since" />
        <button type="button" className="btn btn--small" disabled={busy !== null} onClick={() => void exportBundle()} data-testid="export-bundle">
          {busy === 'export' ? 'Exporting…' : 'Export bundle…'}
        </button>
      </div>
      <div className="row row--tight exchange__import">
        <button type="button" className="btn btn--small" disabled={busy !== null} onClick={() => fileInput.current?.click()} data-testid="import-bundle">
          {busy === 'inspect' ? 'Checking…' : 'Import bundle…'}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".liaison-bundle,application/zip"
          hidden
          data-testid="import-bundle-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void inspect(file);
          }}
        />
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'form-error small' : 'small'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="exchange-message">
          {message.text}
        </p>
      )}
      {pending && (
        <div className="exchange__card" data-testid="bundle-summary">
          <strong>{pending.name}</strong>
          <dl className="exchange__facts">
            <dt>From</dt>
            <dd>
              {pending.summary.exportedBy.name} ({pending.summary.exportedBy.initials}), {formatDateTime(pending.summary.createdAt)}
            </dd>
            <dt>Project</dt>
            <dd>{pending.summary.project.name}</dd>
            <dt>Holds</dt>
            <dd>{countsText({ engagements: pending.summary.counts.engagements, actors: pending.summary.counts.actors, comments: pending.summary.counts.comments, codebooks: pending.summary.counts.codebooks, coders: pending.summary.counts.coders, 'audit entries': pending.summary.counts.auditEntries })}</dd>
          </dl>
          {!pending.summary.sameProject && (
            <p className="form-error small" data-testid="bundle-other-project">
              This bundle comes from another project (“{pending.summary.project.name}”). Bundles only move between copies of one project file; import it into that project instead.
            </p>
          )}
          <div className="row row--tight">
            <button type="button" className="btn btn--primary btn--small" disabled={!pending.summary.sameProject || busy !== null} onClick={() => void importPending()} data-testid="bundle-import-confirm">
              {busy === 'import' ? 'Importing…' : 'Import'}
            </button>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {report && (
        <div className="exchange__card" data-testid="bundle-report">
          <strong>Imported from {report.bundle.exportedBy.name}</strong>
          <dl className="exchange__facts">
            <dt>Added</dt>
            <dd data-testid="report-added">{countsText({ ...report.added })}</dd>
            <dt>Updated</dt>
            <dd data-testid="report-updated">{countsText({ ...report.updated })}</dd>
            <dt>Already here</dt>
            <dd>{countsText({ ...report.skipped })}</dd>
            <dt>Conflicts</dt>
            <dd data-testid="report-conflicts">{report.conflicts.length ? `${report.conflicts.length}: kept as they are here, listed for you to resolve` : 'none'}</dd>
          </dl>
          {report.possibleDuplicates.length > 0 && (
            <>
              <p className="small">New actors that may be ones you already have (merge them in Actors if so):</p>
              <ul className="small" data-testid="report-duplicates">
                {report.possibleDuplicates.map((d) => (
                  <li key={d.incomingId}>
                    {d.name} ~ {d.localName}
                    {d.merged ? ' (merged: one record per country)' : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
