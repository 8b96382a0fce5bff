import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DataSet } from 'vis-data';
import { type Edge, Network, type Node } from 'vis-network';
import type { EngagementGraph } from '../../../../shared/analysis';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import type { Codebook } from '../../../../shared/model/codebook';
import { liaison, subscribe } from '../../app/transport';
import { downloadBlob, downloadText } from '../../ui/download';
import { CodeInLibraryButton, EmptyState } from '../../ui/EmptyState';
import { FilterChips } from '../analysis-filter/FilterChips';
import { analysisFilter, effectiveFilter, isEmptyFilter, useAnalysisFilter } from '../analysis-filter/store';
import { DateField } from '../engagements/FilterBar';
import type { LayoutMessage, LayoutRequest, Positions } from './layout';
import { graphSvg } from './svg';
import { Timeline } from './Timeline';
import { countRange, maxEdgeCount, networkOptions, nodeSize, nodeTheme, PALETTE, type SizeBy, visEdge, visNode } from './vis-style';

type Level = 'actors' | 'sides';
/** Where the node size choice is remembered between sessions (renderer storage, not the project). */
const SIZE_BY_KEY = 'liaison.network.sizeBy';

/** Label and node colours from the theme's variables (the canvas cannot read CSS itself). */
function themeColours(): { text: string; nodeFill: string } {
  const styles = getComputedStyle(document.documentElement);
  return { text: styles.getPropertyValue('--text').trim() || '#222', nodeFill: styles.getPropertyValue('--surface-2').trim() || '#eee' };
}

function colourOf(codebook: Codebook | null, type: string): string {
  const i = codebook?.types.findIndex((t) => t.key === type) ?? -1;
  return PALETTE[(i >= 0 ? i : 7) % PALETTE.length];
}

/**
 * The network of actors or sides: edges aggregate engagements (width by count, colour by the
 * dominant type). The filters are the analysis filter the Engagements table shares: a filter set
 * there draws a narrower graph here, and a node or an edge selected here (or a period brushed on the
 * timeline) narrows the table there. Double-click opens the engagement with its source. Layout runs
 * in a worker and positions are stored per project.
 */
export function NetworkView({ openCoding, onOpenLibrary }: { openCoding: (documentId: string, engagementId?: string) => void; onOpenLibrary: () => void }) {
  const [level, setLevel] = useState<Level>('sides');
  const shared = useAnalysisFilter();
  const { filter, selection } = shared;
  const listFilter = useMemo(() => effectiveFilter(shared), [shared]);
  const setFilter = analysisFilter.setFilter;
  const setSelection = analysisFilter.setSelection;
  const [graph, setGraph] = useState<EngagementGraph | null>(null);
  const [codebook, setCodebook] = useState<Codebook | null>(null);
  const [rows, setRows] = useState<EngagementSummary[]>([]);
  const [state, setState] = useState<'loading' | 'layout' | 'ready'>('loading');
  /** Share of the ForceAtlas2 iterations done while a drawn draft is refined; null when none runs. */
  const [refining, setRefining] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const network = useRef<Network | null>(null);
  /** The drawn graph's nodes, to resize them in place. */
  const drawnNodes = useRef<DataSet<Node> | null>(null);
  const [sizeBy, setSizeBy] = useState<SizeBy>(() => (localStorage.getItem(SIZE_BY_KEY) === 'links' ? 'links' : 'engagements'));
  /** Read when drawing, so a change resizes the nodes without drawing the graph again. */
  const sizeByRef = useRef(sizeBy);

  useEffect(() => subscribe('db.changed', ({ tables }) => (tables.includes('engagements') || tables.includes('actors')) && setVersion((v) => v + 1)), []);
  useEffect(() => {
    void liaison.codebooks.active({}).then(setCodebook);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    setState('loading');
    let stale = false;
    // The graph draws the filtered engagements around the selection; the list beside it narrows to it.
    void liaison.analysis.graph({ level, filter }).then((g) => !stale && setGraph(g));
    return () => {
      stale = true;
    };
  }, [level, filter, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    let stale = false;
    void liaison.analysis.engagements({ filter: listFilter, limit: 2000 }).then((r) => !stale && setRows(r.rows));
    return () => {
      stale = true;
    };
  }, [listFilter, version]);
  /** Engagement id → the edges it is counted in, so a row of the list pointed at shows in the graph. */
  const edgesOf = useMemo(() => {
    const map = new Map<string, EngagementGraph['edges']>();
    for (const e of graph?.edges ?? []) {
      for (const id of e.engagementIds) {
        const list = map.get(id);
        if (list) list.push(e);
        else map.set(id, [e]);
      }
    }
    return map;
  }, [graph]);
  /** The engagement whose row in the list is pointed at or focused. */
  const [pointed, setPointed] = useState<string | null>(null);
  // A selection made (in the graph or the Links list) wins over a row pointed at before it, and a
  // row that left the list is pointed at no more (its element went without a mouseleave).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection or list is the signal
  useEffect(() => setPointed(null), [selection, rows]);
  /** The edges vis shows selected (read back from it), for tests and assistive tools. */
  const [selectedEdges, setSelectedEdges] = useState('');
  // A row of the list pointed at selects its edge and the two ends; otherwise a selection made
  // here, or kept from before, shows in the graph when it belongs to this level.
  useEffect(() => {
    const net = network.current;
    if (!net || state === 'loading' || state === 'layout') return;
    const here = selection?.level === level ? selection : null;
    const rowEdges = pointed ? edgesOf.get(pointed) : undefined;
    if (rowEdges?.length) net.setSelection({ nodes: [...new Set(rowEdges.flatMap((e) => [e.source, e.target]))], edges: rowEdges.map((e) => e.id) }, { highlightEdges: false });
    else if (here?.kind === 'node' && graph?.nodes.some((n) => n.id === here.id)) net.selectNodes([here.id], false);
    else if (here?.kind === 'edge' && graph?.edges.some((e) => e.id === here.id)) net.selectEdges([here.id]);
    else net.unselectAll();
    setSelectedEdges(net.getSelectedEdges().join(' '));
  }, [selection, level, graph, state, pointed, edgesOf]);

  // Draw: stored positions first, the worker's layout for the rest, vis physics off.
  useEffect(() => {
    if (!graph || !container.current || !codebook) return;
    let cancelled = false;
    let worker: Worker | null = null;
    let drawn: { net: Network; nodes: DataSet<Node> } | null = null;
    // Nodes the analyst moves while the layout is refined keep their place when it lands.
    const dragged = new Set<string>();
    let viewMoved = false;
    const maxCount = maxEdgeCount(graph.edges);

    /** Build the network on these positions; `onShown` runs once it is drawn (fitted). */
    const draw = (positions: Positions, onShown?: () => void) => {
      if (!container.current) return;
      const range = countRange(graph.nodes, sizeByRef.current);
      const nodes = new DataSet<Node>(graph.nodes.map((n) => visNode(n, positions[n.id], range, sizeByRef.current)));
      const typeLabel = (k: string) => codebook.types.find((t) => t.key === k)?.label ?? k;
      const edges = new DataSet<Edge>(
        graph.edges.map((e) =>
          visEdge(
            e,
            colourOf(codebook, e.dominantType),
            maxCount,
            `${e.count} engagement${e.count === 1 ? '' : 's'}\n${Object.entries(e.countsByType)
              .map(([t, c]) => `${typeLabel(t)}: ${c}`)
              .join('\n')}${e.firstDate ? `\n${e.firstDate}${e.lastDate && e.lastDate !== e.firstDate ? ` – ${e.lastDate}` : ''}` : ''}`,
          ),
        ),
      );
      network.current?.destroy();
      const net = new Network(container.current, { nodes, edges }, networkOptions(graph.nodes.length, themeColours()));
      net.on('click', (p: { nodes: string[]; edges: string[] }) => {
        if (p.nodes.length) {
          const n = graph.nodes.find((x) => x.id === p.nodes[0])!;
          setSelection({ kind: 'node', id: n.id, level, label: n.label, engagementIds: n.engagementIds });
        } else if (p.edges.length) {
          const e = graph.edges.find((x) => x.id === p.edges[0])!;
          const label = `${graph.nodes.find((n) => n.id === e.source)?.label} – ${graph.nodes.find((n) => n.id === e.target)?.label}`;
          setSelection({ kind: 'edge', id: e.id, level, label, engagementIds: e.engagementIds });
        } else setSelection(null);
      });
      net.on('doubleClick', (p: { nodes: string[]; edges: string[] }) => {
        const ids = p.edges.length ? graph.edges.find((x) => x.id === p.edges[0])?.engagementIds : p.nodes.length ? graph.nodes.find((x) => x.id === p.nodes[0])?.engagementIds : undefined;
        if (ids?.length) void liaison.engagements.get({ id: ids[0] }).then((e) => openCoding(e.sources[0].documentId, e.id));
      });
      net.on('dragStart', () => {
        viewMoved = true;
      });
      net.on('zoom', () => {
        viewMoved = true;
      });
      net.on('dragEnd', (p: { nodes: string[] }) => {
        if (!p.nodes.length) return;
        for (const id of p.nodes) dragged.add(id);
        const moved = net.getPositions(p.nodes);
        void liaison.analysis.savePositions({ level, positions: Object.fromEntries(Object.entries(moved).map(([id, pos]) => [id, { x: pos.x, y: pos.y, pinned: true }])) });
      });
      // vis fits the view to the nodes before its first draw when physics is off, so that draw is the
      // picture: fitting again redrew every edge for nothing (0.2-0.3 s on 20,000, `npm run bench:graph`).
      net.once('afterDrawing', () => {
        onShown?.();
        if (!cancelled) setState('ready');
      });
      network.current = net;
      drawnNodes.current = nodes;
      drawn = { net, nodes };
    };

    void (async () => {
      const stored = await liaison.analysis.positions({ level });
      if (cancelled) return;
      const request: LayoutRequest = {
        nodes: graph.nodes.map((n) => ({ id: n.id, x: stored[n.id]?.x, y: stored[n.id]?.y, fixed: Boolean(stored[n.id]), size: n.degree })),
        edges: graph.edges.map((e) => ({ source: e.source, target: e.target, weight: e.count })),
      };
      setState('layout');
      // Every position stored (a project reopened): no worker to start and nothing to lay out;
      // on 5,000 nodes the round trip alone costs 0.3-0.8 s of the 2 s aim (`npm run bench:graph`).
      if (!request.nodes.some((n) => !n.fixed)) {
        draw(stored);
        return;
      }
      // A large graph comes as a draft drawn at once, then the refined layout moves it into place.
      worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<LayoutMessage>) => {
        if (cancelled) return;
        const m = e.data;
        if (m.kind === 'draft') {
          // Refining starts once the draft is on screen, so the two do not share the cores meanwhile.
          draw(m.positions, () => worker?.postMessage('drawn'));
          setRefining(0);
        } else if (m.kind === 'progress') setRefining(m.done / m.total);
        else {
          worker?.terminate();
          worker = null;
          setRefining(null);
          if (!drawn) draw(m.positions);
          else {
            drawn.nodes.update(graph.nodes.filter((n) => !dragged.has(n.id)).map((n) => ({ id: n.id, ...m.positions[n.id] })));
            if (!viewMoved) drawn.net.fit({ animation: false });
          }
          // Keep the layout the analyst saw: store positions the first time they are computed.
          const fresh = graph.nodes.filter((n) => !stored[n.id] && !dragged.has(n.id));
          if (fresh.length) void liaison.analysis.savePositions({ level, positions: Object.fromEntries(fresh.map((n) => [n.id, m.positions[n.id]])) });
        }
      };
      worker.postMessage(request);
    })();
    return () => {
      cancelled = true;
      worker?.terminate();
      setRefining(null);
    };
  }, [graph, codebook, level, openCoding]);

  useEffect(() => () => network.current?.destroy(), []);
  // Node size by engagements or by links: remembered, and applied to the drawn nodes in place.
  useEffect(() => {
    localStorage.setItem(SIZE_BY_KEY, sizeBy);
    if (sizeByRef.current === sizeBy) return;
    sizeByRef.current = sizeBy;
    if (!graph || !drawnNodes.current) return;
    const range = countRange(graph.nodes, sizeBy);
    drawnNodes.current.update(graph.nodes.map((n) => ({ id: n.id, size: nodeSize(n, range, sizeBy) })));
  }, [sizeBy, graph]);
  // Labels and node fills follow the theme when it changes under an open graph.
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => {
      const net = network.current;
      if (!net) return;
      net.setOptions({ nodes: nodeTheme(themeColours()) });
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  const exportGraphImage = useCallback(
    (format: 'png' | 'svg') => {
      if (!graph || !network.current) return;
      if (format === 'png') {
        const canvas = container.current?.querySelector('canvas');
        canvas?.toBlob((blob) => blob && downloadBlob(`network-${level}.png`, blob));
        return;
      }
      const positions = network.current.getPositions();
      downloadText(`network-${level}.svg`, graphSvg(graph, positions, (t) => colourOf(codebook, t), sizeBy), 'image/svg+xml');
    },
    [codebook, graph, level, sizeBy],
  );
  const exportFile = useCallback(
    async (format: 'gexf' | 'graphml' | 'csv' | 'xlsx' | 'json' | 'plover' | 'dyads') => {
      if (format === 'gexf' || format === 'graphml') {
        const f = await liaison.analysis.exportGraph({ level, format, filter: listFilter });
        downloadText(f.fileName, f.text, f.mime);
        return;
      }
      const f = await liaison.analysis.export({ format, filter: listFilter });
      if (f.base64) downloadBlob(f.fileName, new Blob([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], { type: f.mime }));
      else downloadText(f.fileName, f.text ?? '', f.mime);
    },
    [listFilter, level],
  );

  const typeChips = useMemo(() => codebook?.types.filter((t) => !t.retired) ?? [], [codebook]);
  const toggleType = (key: string) => {
    const current = filter.types ?? [];
    const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
    setFilter({ ...filter, types: next.length ? next : undefined });
  };

  if (graph && graph.nodes.length === 0 && isEmptyFilter(filter)) {
    return (
      <EmptyState
        title="Nothing to draw yet"
        testId="empty-network"
        action={<CodeInLibraryButton onClick={onOpenLibrary} testId="empty-network-library" />}
      >
        The network of actors and countries is drawn from coded engagements. Open an article in the Library and code who met whom; the graph fills in as you go.
      </EmptyState>
    );
  }

  return (
    <div className="network" data-testid="network-view" data-state={state} data-selected-edges={selectedEdges} data-layout={refining === null ? 'done' : 'refining'}>
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
        <DateField label="From" value={filter.from} onChange={(from) => setFilter({ ...analysisFilter.get().filter, from })} testId="filter-from" />
        <DateField label="To" value={filter.to} onChange={(to) => setFilter({ ...analysisFilter.get().filter, to })} testId="filter-to" />
        <span className="network__spacer" />
        {refining !== null && (
          <span className="muted small" role="status" data-testid="layout-progress" title="The graph is drawn from a quick placement; ForceAtlas2 refines it in the background">
            Refining layout… {Math.round(refining * 100)}%
          </span>
        )}
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
      <FilterChips state={shared} codebook={codebook} />
      <div className="network__body">
        <div className="network__stage">
          <div className="network__canvas" ref={container} data-testid="network-canvas" />
          <fieldset className="seg network__size" aria-label="Node size">
            <span className="network__size-label">Node size</span>
            <button type="button" className={`seg__btn${sizeBy === 'engagements' ? ' seg__btn--on' : ''}`} aria-pressed={sizeBy === 'engagements'} data-testid="size-engagements" title="Node size by number of engagements" onClick={() => setSizeBy('engagements')}>
              engagements
            </button>
            <button type="button" className={`seg__btn${sizeBy === 'links' ? ' seg__btn--on' : ''}`} aria-pressed={sizeBy === 'links'} data-testid="size-links" title="Node size by number of links (others met)" onClick={() => setSizeBy('links')}>
              links
            </button>
          </fieldset>
        </div>
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
              <span className="muted">{isEmptyFilter(filter) ? 'All engagements shown' : 'The filtered engagements'} — click a node or a link to narrow</span>
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
                            setSelection({ kind: 'edge', id: e.id, level, label, engagementIds: e.engagementIds });
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
                <button
                  type="button"
                  className="eng-list__item"
                  data-testid="network-engagement"
                  onClick={() => openCoding(r.documentIds[0], r.id)}
                  onMouseMove={() => pointed !== r.id && setPointed(r.id)}
                  onMouseLeave={() => setPointed(null)}
                  onFocus={() => setPointed(r.id)}
                  onBlur={() => setPointed(null)}
                >
                  <span className="eng-list__meta">
                    {r.date.value ?? 'undated'} · {codebook?.types.find((t) => t.key === r.type)?.label ?? r.type}
                    {r.place ? ` · ${r.place}` : ''}
                  </span>
                  <span>{r.participants.map((p) => p.name).join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
          <Timeline filter={filter} version={version} colourOf={(t) => colourOf(codebook, t)} onBrush={analysisFilter.setDates} />
        </aside>
      </div>
    </div>
  );
}
