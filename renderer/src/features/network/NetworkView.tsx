import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DataSet } from 'vis-data';
import { type Edge, Network, type Node } from 'vis-network';
import type { EngagementGraph } from '../../../../shared/analysis';
import type { AnalysisFilter } from '../../../../shared/contract-analysis';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import type { Codebook } from '../../../../shared/model/codebook';
import { liaison, subscribe } from '../../app/transport';
import { downloadBlob, downloadText } from '../../ui/download';
import { EmptyState } from '../../ui/EmptyState';
import type { LayoutRequest } from './layout-worker';
import { Timeline } from './Timeline';
import { graphSvg } from './svg';

type Level = 'actors' | 'sides';
type Selection = { kind: 'node' | 'edge'; id: string; label: string; engagementIds: string[] } | null;

const PALETTE = ['#2d6a99', '#c0762b', '#3f9b5a', '#8e5bb5', '#b84a4a', '#4a9fa8', '#8a7a2b', '#6b6b6b'];
/** Above this many nodes vis physics stays off entirely; the worker's layout is final. */
const LAYOUT_ITERATIONS = 300;
/**
 * Above this many nodes every redraw strokes thousands of edges (about 70-100 ms for 20,000 in
 * `npm run bench:graph`), so edges are hidden while the view is dragged or zoomed.
 */
const LARGE_GRAPH_NODES = 1000;

function colourOf(codebook: Codebook | null, type: string): string {
  const i = codebook?.types.findIndex((t) => t.key === type) ?? -1;
  return PALETTE[(i >= 0 ? i : 7) % PALETTE.length];
}

/**
 * The network of actors or sides: edges aggregate engagements (width by count, colour by the
 * dominant type). Selecting a node or an edge filters the list beside it; double-click opens the
 * engagement with its source. Layout runs in a worker and positions are stored per project.
 */
export function NetworkView({ openCoding }: { openCoding: (documentId: string, engagementId?: string) => void }) {
  const [level, setLevel] = useState<Level>('sides');
  const [filter, setFilter] = useState<AnalysisFilter>({});
  const [graph, setGraph] = useState<EngagementGraph | null>(null);
  const [codebook, setCodebook] = useState<Codebook | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [rows, setRows] = useState<EngagementSummary[]>([]);
  const [state, setState] = useState<'loading' | 'layout' | 'ready'>('loading');
  const [version, setVersion] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const network = useRef<Network | null>(null);

  useEffect(() => subscribe('db.changed', ({ tables }) => (tables.includes('engagements') || tables.includes('actors')) && setVersion((v) => v + 1)), []);
  useEffect(() => {
    void liaison.codebooks.active({}).then(setCodebook);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    setState('loading');
    void liaison.analysis.graph({ level, filter }).then((g) => {
      setGraph(g);
      setSelection(null);
    });
  }, [level, filter, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    const ids = selection?.engagementIds;
    void liaison.analysis.engagements({ filter: ids ? { ...filter, engagementIds: ids } : filter, limit: 2000 }).then((r) => setRows(r.rows));
  }, [filter, selection, version]);

  // Draw: stored positions first, the worker's layout for the rest, vis physics off.
  useEffect(() => {
    if (!graph || !container.current || !codebook) return;
    let cancelled = false;
    const maxCount = Math.max(1, ...graph.edges.map((e) => e.count));
    void (async () => {
      const stored = await liaison.analysis.positions({ level });
      const request: LayoutRequest = {
        nodes: graph.nodes.map((n) => ({ id: n.id, x: stored[n.id]?.x, y: stored[n.id]?.y, fixed: Boolean(stored[n.id]), size: n.degree })),
        edges: graph.edges.map((e) => ({ source: e.source, target: e.target, weight: e.count })),
        iterations: LAYOUT_ITERATIONS,
      };
      setState('layout');
      // Every position stored (a project reopened): no worker to start and nothing to lay out;
      // on 5,000 nodes the round trip alone costs 0.3-0.8 s of the 2 s aim (`npm run bench:graph`).
      let positions: Record<string, { x: number; y: number }> = stored;
      if (request.nodes.some((n) => !n.fixed)) {
        const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
        positions = await new Promise<Record<string, { x: number; y: number }>>((resolve) => {
          worker.onmessage = (e: MessageEvent<Record<string, { x: number; y: number }>>) => resolve(e.data);
          worker.postMessage(request);
        });
        worker.terminate();
      }
      if (cancelled || !container.current) return;
      const styles = getComputedStyle(document.documentElement);
      const text = styles.getPropertyValue('--text').trim() || '#222';
      const nodeFill = styles.getPropertyValue('--surface-2').trim() || '#eee';
      const nodes = new DataSet<Node>(
        graph.nodes.map((n) => ({
          id: n.id,
          label: n.label,
          x: positions[n.id].x,
          y: positions[n.id].y,
          value: n.engagementCount,
          shape: n.kind === 'person' ? 'dot' : n.kind === 'organisation' ? 'diamond' : 'square',
          title: `${n.label}\n${n.engagementCount} engagement${n.engagementCount === 1 ? '' : 's'}, ${n.degree} link${n.degree === 1 ? '' : 's'}`,
          color: { background: nodeFill, border: '#5a6672', highlight: { background: nodeFill, border: '#2d6a99' } },
        })),
      );
      const typeLabel = (k: string) => codebook.types.find((t) => t.key === k)?.label ?? k;
      const edges = new DataSet<Edge>(
        graph.edges.map((e) => ({
          id: e.id,
          from: e.source,
          to: e.target,
          width: 1 + (5 * e.count) / maxCount,
          color: { color: colourOf(codebook, e.dominantType), highlight: colourOf(codebook, e.dominantType) },
          title: `${e.count} engagement${e.count === 1 ? '' : 's'}\n${Object.entries(e.countsByType)
            .map(([t, c]) => `${typeLabel(t)}: ${c}`)
            .join('\n')}${e.firstDate ? `\n${e.firstDate}${e.lastDate && e.lastDate !== e.firstDate ? ` – ${e.lastDate}` : ''}` : ''}`,
        })),
      );
      network.current?.destroy();
      const net = new Network(
        container.current,
        { nodes, edges },
        {
          physics: false,
          interaction: { hover: true, tooltipDelay: 150, multiselect: false, hideEdgesOnDrag: graph.nodes.length > LARGE_GRAPH_NODES, hideEdgesOnZoom: graph.nodes.length > LARGE_GRAPH_NODES },
          nodes: { font: { color: text, size: 13, face: 'system-ui' }, scaling: { min: 10, max: 30 }, borderWidth: 1 },
          edges: { smooth: false, selectionWidth: 2 },
        },
      );
      net.on('click', (p: { nodes: string[]; edges: string[] }) => {
        if (p.nodes.length) {
          const n = graph.nodes.find((x) => x.id === p.nodes[0])!;
          setSelection({ kind: 'node', id: n.id, label: n.label, engagementIds: n.engagementIds });
        } else if (p.edges.length) {
          const e = graph.edges.find((x) => x.id === p.edges[0])!;
          const label = `${graph.nodes.find((n) => n.id === e.source)?.label} – ${graph.nodes.find((n) => n.id === e.target)?.label}`;
          setSelection({ kind: 'edge', id: e.id, label, engagementIds: e.engagementIds });
        } else setSelection(null);
      });
      net.on('doubleClick', (p: { nodes: string[]; edges: string[] }) => {
        const ids = p.edges.length ? graph.edges.find((x) => x.id === p.edges[0])?.engagementIds : p.nodes.length ? graph.nodes.find((x) => x.id === p.nodes[0])?.engagementIds : undefined;
        if (ids?.length) void liaison.engagements.get({ id: ids[0] }).then((e) => openCoding(e.sources[0].documentId, e.id));
      });
      net.on('dragEnd', (p: { nodes: string[] }) => {
        if (!p.nodes.length) return;
        const moved = net.getPositions(p.nodes);
        void liaison.analysis.savePositions({ level, positions: Object.fromEntries(Object.entries(moved).map(([id, pos]) => [id, { x: pos.x, y: pos.y, pinned: true }])) });
      });
      // Keep the layout the analyst saw: store positions the first time they are computed.
      const fresh = graph.nodes.filter((n) => !stored[n.id]);
      if (fresh.length) void liaison.analysis.savePositions({ level, positions: Object.fromEntries(fresh.map((n) => [n.id, positions[n.id]])) });
      net.once('afterDrawing', () => {
        net.fit({ animation: false });
        if (!cancelled) setState('ready');
      });
      network.current = net;
    })();
    return () => {
      cancelled = true;
    };
  }, [graph, codebook, level, openCoding]);

  useEffect(() => () => network.current?.destroy(), []);

  const exportGraphImage = useCallback(
    (format: 'png' | 'svg') => {
      if (!graph || !network.current) return;
      if (format === 'png') {
        const canvas = container.current?.querySelector('canvas');
        canvas?.toBlob((blob) => blob && downloadBlob(`network-${level}.png`, blob));
        return;
      }
      const positions = network.current.getPositions();
      downloadText(`network-${level}.svg`, graphSvg(graph, positions, (t) => colourOf(codebook, t)), 'image/svg+xml');
    },
    [codebook, graph, level],
  );
  const exportFile = useCallback(
    async (format: 'gexf' | 'graphml' | 'csv' | 'xlsx' | 'json' | 'plover' | 'dyads') => {
      const effective = selection ? { ...filter, engagementIds: selection.engagementIds } : filter;
      if (format === 'gexf' || format === 'graphml') {
        const f = await liaison.analysis.exportGraph({ level, format, filter: effective });
        downloadText(f.fileName, f.text, f.mime);
        return;
      }
      const f = await liaison.analysis.export({ format, filter: effective });
      if (f.base64) downloadBlob(f.fileName, new Blob([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], { type: f.mime }));
      else downloadText(f.fileName, f.text ?? '', f.mime);
    },
    [filter, level, selection],
  );

  const typeChips = useMemo(() => codebook?.types.filter((t) => !t.retired) ?? [], [codebook]);
  const toggleType = (key: string) => {
    const current = filter.types ?? [];
    const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
    setFilter({ ...filter, types: next.length ? next : undefined });
  };

  if (graph && graph.nodes.length === 0 && !filter.types && !filter.from && !filter.to) {
    return (
      <EmptyState title="Nothing to draw yet" testId="empty-network">
        The network of actors and countries is drawn from coded engagements. Code a few articles first.
      </EmptyState>
    );
  }

  return (
    <div className="network" data-testid="network-view" data-state={state}>
      <div className="network__toolbar">
        <fieldset className="seg" aria-label="Level">
          <button type="button" className={`seg__btn${level === 'sides' ? ' seg__btn--on' : ''}`} aria-pressed={level === 'sides'} data-testid="level-sides" onClick={() => setLevel('sides')}>
            Countries &amp; organisations
          </button>
          <button type="button" className={`seg__btn${level === 'actors' ? ' seg__btn--on' : ''}`} aria-pressed={level === 'actors'} data-testid="level-actors" onClick={() => setLevel('actors')}>
            Actors
          </button>
        </fieldset>
        <div className="chips">
          {typeChips.map((t) => (
            <button type="button" key={t.key} className={`chip${filter.types?.includes(t.key) ? ' chip--on' : ''}`} aria-pressed={Boolean(filter.types?.includes(t.key))} onClick={() => toggleType(t.key)} data-testid={`filter-type-${t.key}`}>
              <span className="swatch" style={{ background: colourOf(codebook, t.key) }} />
              {t.label}
            </button>
          ))}
        </div>
        <label className="field field--inline">
          <span className="field__label">From</span>
          <input className="input input--small input--date" placeholder="YYYY-MM" value={filter.from ?? ''} data-testid="filter-from" onChange={(e) => setFilter({ ...filter, from: /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.target.value) ? e.target.value : undefined })} />
        </label>
        <label className="field field--inline">
          <span className="field__label">To</span>
          <input className="input input--small input--date" placeholder="YYYY-MM" value={filter.to ?? ''} data-testid="filter-to" onChange={(e) => setFilter({ ...filter, to: /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.target.value) ? e.target.value : undefined })} />
        </label>
        <span className="network__spacer" />
        <details className="menu">
          <summary className="btn btn--small">Export</summary>
          <div className="menu__list">
            <button type="button" onClick={() => exportGraphImage('png')}>Graph as PNG</button>
            <button type="button" onClick={() => exportGraphImage('svg')}>Graph as SVG</button>
            <button type="button" data-testid="export-gexf" onClick={() => void exportFile('gexf')}>Graph as GEXF (Gephi)</button>
            <button type="button" onClick={() => void exportFile('graphml')}>Graph as GraphML</button>
            <hr />
            <button type="button" data-testid="export-csv" onClick={() => void exportFile('csv')}>Engagements as CSV</button>
            <button type="button" onClick={() => void exportFile('xlsx')}>Engagements as XLSX</button>
            <button type="button" onClick={() => void exportFile('json')}>Engagements as JSON</button>
            <button type="button" onClick={() => void exportFile('plover')}>PLOVER-style JSON</button>
            <button type="button" onClick={() => void exportFile('dyads')}>CAMEO-style dyads (CSV)</button>
          </div>
        </details>
      </div>
      <div className="network__body">
        <div className="network__canvas" ref={container} data-testid="network-canvas" />
        <aside className="network__side">
          <header className="network__side-head">
            {selection ? (
              <>
                <span data-testid="selection-label">{selection.label}</span>
                <button type="button" className="btn btn--ghost btn--small" onClick={() => setSelection(null)}>
                  Clear
                </button>
              </>
            ) : (
              <span className="muted">All engagements shown — click a node or a link to narrow</span>
            )}
          </header>
          {!selection && graph && graph.edges.length > 0 && (
            <details className="links" open={graph.edges.length <= 30}>
              <summary className="ef__label">Links ({graph.edges.length})</summary>
              <ul className="links__list" data-testid="network-links">
                {[...graph.edges]
                  .sort((a, b) => b.count - a.count)
                  .slice(0, 200)
                  .map((e) => {
                    const label = `${graph.nodes.find((n) => n.id === e.source)?.label} – ${graph.nodes.find((n) => n.id === e.target)?.label}`;
                    return (
                      <li key={e.id}>
                        <button
                          type="button"
                          className="links__item"
                          data-testid="network-link"
                          onClick={() => {
                            network.current?.selectEdges([e.id]);
                            setSelection({ kind: 'edge', id: e.id, label, engagementIds: e.engagementIds });
                          }}
                        >
                          <span className="swatch" style={{ background: colourOf(codebook, e.dominantType) }} />
                          {label}
                          <span className="muted"> · {e.count}</span>
                        </button>
                      </li>
                    );
                  })}
              </ul>
            </details>
          )}
          <ul className="eng-list" data-testid="network-engagements">
            {rows.map((r) => (
              <li key={r.id}>
                <button type="button" className="eng-list__item" data-testid="network-engagement" onClick={() => openCoding(r.documentIds[0], r.id)}>
                  <span className="eng-list__meta">
                    {r.date.value ?? 'undated'} · {codebook?.types.find((t) => t.key === r.type)?.label ?? r.type}
                    {r.place ? ` · ${r.place}` : ''}
                  </span>
                  <span>{r.participants.map((p) => p.name).join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
          <Timeline filter={filter} version={version} colourOf={(t) => colourOf(codebook, t)} onBrush={(from, to) => setFilter({ ...filter, from, to })} />
        </aside>
      </div>
    </div>
  );
}
