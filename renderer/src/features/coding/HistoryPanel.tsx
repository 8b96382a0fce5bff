import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/contract-agreement';
import { liaison } from '../../app/transport';
import { formatDateTime } from '../../ui/format';
import { record } from './undo';

function describeEntry(h: HistoryEntry): string {
  if (h.action === 'create') return 'created';
  if (h.action === 'delete') return 'deleted';
  if (h.action.startsWith('restore:')) return `restored the version of entry ${h.action.slice(8)}`;
  if (h.action === 'restore') return 'restored after a delete';
  if (h.action === 'review') return `sent it to review (${h.snapshot?.status === 'disputed' ? 'disputed' : 'in review'})`;
  if (h.action === 'adjudicate') return 'made it as the final record of an adjudication';
  if (h.action.startsWith('bundle-')) return `${h.action.slice(7)}d it from a bundle`;
  return 'changed';
}

/** Every recorded version of an engagement: who changed it and when; any version can be restored. */
export function HistoryPanel({ engagementId, onRestored, onClose }: { engagementId: string; onRestored: () => void; onClose: () => void }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    liaison.engagements.history({ id: engagementId }).then(setEntries, (e: Error) => setError(e.message));
  }, [engagementId]);
  return (
    <div className="history" data-testid="history-panel">
      <header className="coding__bar">
        <strong>History</strong>
        <span className="network__spacer" />
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          Close
        </button>
      </header>
      {error && <p className="form-error small">{error}</p>}
      <ol className="history__list">
        {entries?.map((h, i) => (
          <li key={h.seq} className="history__item" data-testid="history-entry">
            <span className="coder-dot" style={{ background: h.coder.color }} aria-hidden="true" />
            <div className="history__text">
              <div>
                <strong>{h.coder.name}</strong> {describeEntry(h)}
                {h.snapshot ? ` — ${h.snapshot.type}${h.snapshot.mode ? ` · ${h.snapshot.mode}` : ''}, ${h.snapshot.participants.length} participants, ${h.snapshot.status}` : ''}
              </div>
              <div className="muted small">
                {formatDateTime(h.at)} · entry {h.seq}
              </div>
            </div>
            {h.snapshot && i < entries.length - 1 && (
              <button
                type="button"
                className="btn btn--small"
                data-testid="history-restore"
                onClick={async () => {
                  try {
                    const { inverse } = await liaison.engagements.restore({ id: engagementId, seq: h.seq });
                    record('Restore version', inverse);
                    setEntries(await liaison.engagements.history({ id: engagementId }));
                    onRestored();
                  } catch (e) {
                    setError((e as Error).message);
                  }
                }}
              >
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
