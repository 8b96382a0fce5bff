import { useEffect, useState } from 'react';
import type { TimelineSeries } from '../../../../shared/analysis';
import type { AnalysisFilter } from '../../../../shared/contract-analysis';
import { liaison } from '../../app/transport';

type Unit = 'week' | 'month' | 'year';

/**
 * Engagements per period, stacked by type. Drag across the bars (or click one) to brush a period:
 * the graph and the list follow. The brush ignores the current date filter so it can widen again.
 */
export function Timeline({ filter, version, colourOf, onBrush }: { filter: AnalysisFilter; version: number; colourOf: (type: string) => string; onBrush: (from?: string, to?: string) => void }) {
  const [unit, setUnit] = useState<Unit>('month');
  const [series, setSeries] = useState<TimelineSeries | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    const { from: _from, to: _to, ...rest } = filter;
    void liaison.analysis.timeline({ unit, filter: rest }).then(setSeries);
  }, [filter, unit, version]);
  if (!series) return null;
  const buckets = series.buckets;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const width = 100 / Math.max(1, buckets.length);
  const inBrush = (i: number) => drag && i >= Math.min(drag.from, drag.to) && i <= Math.max(drag.from, drag.to);
  const selected = (key: string) => (filter.from && filter.to ? key >= filter.from.slice(0, key.length) && key <= filter.to.slice(0, key.length) : false);
  const finish = () => {
    if (!drag) return;
    const a = buckets[Math.min(drag.from, drag.to)];
    const b = buckets[Math.max(drag.from, drag.to)];
    setDrag(null);
    onBrush(a.start, b.end);
  };
  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline__head">
        <span className="ef__label">Timeline</span>
        {(['week', 'month', 'year'] as const).map((u) => (
          <button type="button" key={u} className={`chip${unit === u ? ' chip--on' : ''}`} aria-pressed={unit === u} onClick={() => setUnit(u)}>
            {u}
          </button>
        ))}
        {(filter.from || filter.to) && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="timeline-clear" onClick={() => onBrush(undefined, undefined)}>
            Clear period
          </button>
        )}
      </div>
      {buckets.length === 0 ? (
        <p className="muted small">No dated engagements{series.undated.length ? ` (${series.undated.length} undated)` : ''}.</p>
      ) : (
        <svg className="timeline__chart" viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label="Engagements per period" onPointerUp={finish} onPointerLeave={() => setDrag(null)}>
          {buckets.map((b, i) => {
            let y = 40;
            return (
              <g
                key={b.key}
                data-testid="timeline-bar"
                data-period={b.key}
                className={inBrush(i) || selected(b.key) ? 'timeline__bar timeline__bar--on' : 'timeline__bar'}
                onPointerDown={() => setDrag({ from: i, to: i })}
                onPointerEnter={() => drag && setDrag({ ...drag, to: i })}
              >
                <title>{`${b.key}: ${b.total}`}</title>
                <rect x={i * width} y={0} width={width} height={40} className="timeline__hit" />
                {series.types.map((t) => {
                  const n = b.countsByType[t] ?? 0;
                  if (!n) return null;
                  const h = (n / max) * 36;
                  y -= h;
                  return <rect key={t} x={i * width + width * 0.12} y={y} width={width * 0.76} height={h} fill={colourOf(t)} />;
                })}
              </g>
            );
          })}
        </svg>
      )}
      {buckets.length > 0 && (
        <div className="timeline__axis muted small">
          <span>{buckets[0].key}</span>
          <span>{buckets.at(-1)!.key}</span>
        </div>
      )}
      {(series.undated.length > 0 || series.imprecise.length > 0) && (
        <p className="muted small">{[series.undated.length ? `${series.undated.length} undated` : '', series.imprecise.length ? `${series.imprecise.length} too imprecise for this scale` : ''].filter(Boolean).join(', ')}.</p>
      )}
    </div>
  );
}
