import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_COOPERATION } from '../codebook/presets/security-cooperation';
import { buildGraph, dominantType, type EngagementGraph, edgeId, engagementsForSelection } from './aggregate';
import { SEED_CONTEXT, SEED_ENGAGEMENTS, SEED_FILE_PREFIX, seedEngagement } from './test-seed-engagements';

const SEED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'seed-articles');
const typeOrder = SECURITY_COOPERATION.types.map((t) => t.key);

function edge(graph: EngagementGraph, a: string, b: string) {
  return graph.edges.find((e) => e.id === edgeId(a, b));
}

function node(graph: EngagementGraph, id: string) {
  return graph.nodes.find((n) => n.id === id);
}

describe('seed fixtures', () => {
  it('quote the seed articles exactly at their offsets', () => {
    const files = readdirSync(SEED_DIR);
    let checked = 0;
    for (const e of SEED_ENGAGEMENTS) {
      for (const s of e.evidence) {
        const file = files.find((f) => f.startsWith(`${SEED_FILE_PREFIX[s.documentId]}_`));
        expect(file, s.documentId).toBeDefined();
        const text = readFileSync(path.join(SEED_DIR, file as string), 'utf8');
        expect(text.slice(s.start, s.end), s.id).toBe(s.quote);
        checked++;
      }
    }
    expect(checked).toBe(9);
  });
});

describe('buildGraph, sides level', () => {
  const graph = buildGraph(SEED_ENGAGEMENTS, 'sides', SEED_CONTEXT, { typeOrder });

  it('links Iraq to Somalia (2 engagements), Iran, NATO and the United States, and nothing else', () => {
    expect(graph.nodes.map((n) => n.label).sort()).toEqual(['Iran', 'Iraq', 'NATO', 'Somalia', 'United States']);
    expect(graph.edges).toHaveLength(4);
    expect(edge(graph, 'irq', 'som')).toMatchObject({ count: 2, engagementIds: ['e000', 'e001'], countsByType: { CONSULT: 2 } });
    expect(edge(graph, 'irq', 'irn')?.count).toBe(1);
    expect(edge(graph, 'irq', 'nato')?.count).toBe(2);
    expect(edge(graph, 'irq', 'usa')?.engagementIds).toEqual(['e004a']);
  });

  it('lets a coded side win over the actor country (the US-national NATO official makes no NATO-USA edge)', () => {
    expect(edge(graph, 'nato', 'usa')).toBeUndefined();
    expect(graph.nodes.some((n) => n.countryCode === 'ITA')).toBe(false);
  });

  it('counts degree and engagements per node, one-party engagements included', () => {
    expect(node(graph, 'irq')).toMatchObject({ kind: 'country', degree: 4, engagementCount: 7 });
    expect(node(graph, 'nato')).toMatchObject({ kind: 'organisation', degree: 1, engagementCount: 2 });
    expect(graph.nodes[0].id).toBe('irq');
  });

  it('keeps first and last dates per edge and null where nothing is dated', () => {
    expect(edge(graph, 'irq', 'som')).toMatchObject({ firstDate: null, lastDate: null });
    expect(edge(graph, 'irq', 'irn')).toMatchObject({ firstDate: '2020-03-08', lastDate: '2020-03-08' });
  });

  it('breaks a dominant-type tie by codebook order (NATO-Iraq: one CONSULT, one AGREE)', () => {
    expect(edge(graph, 'irq', 'nato')?.countsByType).toEqual({ CONSULT: 1, AGREE: 1 });
    expect(edge(graph, 'irq', 'nato')?.dominantType).toBe('CONSULT');
    const alphabetical = buildGraph(SEED_ENGAGEMENTS, 'sides', SEED_CONTEXT);
    expect(edge(alphabetical, 'irq', 'nato')?.dominantType).toBe('AGREE');
  });

  it('maps a selected edge or node back to its engagements', () => {
    expect(engagementsForSelection(graph, { edgeId: edgeId('som', 'irq') })).toEqual(['e000', 'e001']);
    expect(engagementsForSelection(graph, { nodeId: 'irn' })).toEqual(['e002']);
    expect(engagementsForSelection(graph, { nodeId: 'nowhere' })).toEqual([]);
  });
});

describe('buildGraph, actors level', () => {
  const graph = buildGraph(SEED_ENGAGEMENTS, 'actors', SEED_CONTEXT);

  it('has every participant as a node, merged spellings folded into one', () => {
    expect(graph.nodes).toHaveLength(12);
    expect(node(graph, 'araji-dup')).toBeUndefined();
    expect(node(graph, 'araji')).toMatchObject({ label: 'Qasim al-Araji', degree: 4, engagementCount: 3 });
  });

  it('adds n(n-1)/2 edges per engagement: 1+1+1+3+1+3+0', () => {
    expect(graph.edges).toHaveLength(10);
    expect(edge(graph, 'goffus', 'iannucci')?.count).toBe(1);
    expect(edge(graph, 'moallim', 'araji')?.engagementIds).toEqual(['e000']);
    expect(node(graph, 'sudani')).toMatchObject({ degree: 2, engagementCount: 2 });
  });
});

describe('buildGraph, edge cases', () => {
  it('counts an engagement once per pair even when several participants share a side', () => {
    const e = seedEngagement({
      id: 'x1',
      type: 'CONSULT',
      participants: [
        { id: 'a', actorId: 'shamkhani', role: 'visitor', title: null, sideId: 'irn' },
        { id: 'b', actorId: 'salih', role: 'host', title: null, sideId: 'irq' },
        { id: 'c', actorId: 'araji', role: 'host', title: null, sideId: 'irq' },
      ],
    });
    const graph = buildGraph([e], 'sides', SEED_CONTEXT);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0].count).toBe(1);
    expect(node(graph, 'irq')?.engagementCount).toBe(1);
  });

  it('makes a country node from a country code with no country actor, and lists participants with no side', () => {
    const e = seedEngagement({
      id: 'x2',
      type: 'CONSULT',
      participants: [
        { id: 'a', actorId: 'iannucci', role: 'participant', title: null, sideId: null },
        { id: 'b', actorId: 'araji', role: 'participant', title: null, sideId: null },
        { id: 'c', actorId: 'ghost', role: 'participant', title: null, sideId: null },
      ],
    });
    const graph = buildGraph([e], 'sides', { ...SEED_CONTEXT, countryName: (c) => (c === 'ITA' ? 'Italy' : undefined) });
    expect(node(graph, 'country:ITA')).toMatchObject({ label: 'Italy', kind: 'country', countryCode: 'ITA' });
    expect(edge(graph, 'country:ITA', 'irq')?.count).toBe(1);
    expect(graph.unplaced).toEqual([{ engagementId: 'x2', participantId: 'c', actorId: 'ghost' }]);
    // At the actors level the unknown actor is still a node, so its engagement is not lost.
    expect(node(buildGraph([e], 'actors', SEED_CONTEXT), 'ghost')).toMatchObject({ kind: 'unknown', label: 'ghost' });
  });

  it('compares partial dates by where they start', () => {
    const mk = (id: string, value: string, precision: 'day' | 'month' | 'year') =>
      seedEngagement({
        id,
        type: 'CONSULT',
        date: { value, precision, inferred: false },
        participants: [
          { id: `${id}a`, actorId: 'irq', role: 'participant', title: null, sideId: null },
          { id: `${id}b`, actorId: 'som', role: 'participant', title: null, sideId: null },
        ],
      });
    const graph = buildGraph([mk('d1', '2023-05-02', 'day'), mk('d2', '2021', 'year'), mk('d3', '2023-11', 'month')], 'sides', SEED_CONTEXT);
    expect(graph.edges[0]).toMatchObject({ count: 3, firstDate: '2021', lastDate: '2023-11' });
  });
});

describe('dominantType', () => {
  it('takes the highest count, then codebook order, then key', () => {
    expect(dominantType({ AGREE: 3, CONSULT: 2 }, ['CONSULT', 'AGREE'])).toBe('AGREE');
    expect(dominantType({ AID: 1, SUPPORT: 1 }, ['CONSULT', 'SUPPORT', 'AID'])).toBe('SUPPORT');
    expect(dominantType({ ZED: 1, ALPHA: 1 }, ['CONSULT'])).toBe('ALPHA');
    expect(dominantType({ ZED: 1, CONSULT: 1 }, ['CONSULT'])).toBe('CONSULT');
  });
});
