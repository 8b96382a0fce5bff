import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { SECURITY_COOPERATION } from '../codebook/presets/security-cooperation';
import { buildGraph, type EngagementGraph } from './aggregate';
import { escapeXml, toGexf, toGraphml } from './graph-formats';
import { SEED_CONTEXT, SEED_ENGAGEMENTS } from './test-seed-engagements';

/**
 * saxes is a strict XML 1.0 + namespaces parser: it throws on anything not well-formed (a raw `<`
 * or `&`, a control character, an undeclared prefix), which is what an escaping bug produces.
 */
interface El {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#document', uri: '', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (tag) => {
    const el: El = { name: tag.local, uri: tag.uri, attrs: {}, children: [], text: '' };
    for (const a of Object.values(tag.attributes)) if (!a.name.startsWith('xmlns')) el.attrs[a.name] = a.value;
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0];
}

const all = (el: El, name: string): El[] => [
  ...el.children.filter((c) => c.name === name),
  ...el.children.flatMap((c) => all(c, name)),
];
const one = (el: El, name: string): El => {
  const found = all(el, name);
  expect(found, name).toHaveLength(1);
  return found[0];
};

const typeOrder = SECURITY_COOPERATION.types.map((t) => t.key);
const sides = buildGraph(SEED_ENGAGEMENTS, 'sides', SEED_CONTEXT, { typeOrder });

/** A graph whose labels and ids carry everything XML must escape. */
const nasty: EngagementGraph = {
  level: 'actors',
  nodes: [
    { id: 'a&b', label: 'Ministry of "Law" & <Order> \'Dept\'', kind: 'organisation', countryCode: 'IRQ', degree: 1, engagementCount: 1, engagementIds: ['x'] },
    { id: 'c', label: 'Line\nbreak\tand\u0001control \uD83D\uDE00 lone \uD800 ]]>', kind: 'person', countryCode: null, degree: 1, engagementCount: 1, engagementIds: ['x'] },
  ],
  edges: [
    { id: 'a&b::c', source: 'a&b', target: 'c', count: 1, countsByType: { 'T<1>': 1 }, dominantType: 'T<1>', firstDate: null, lastDate: null, engagementIds: ['x'] },
  ],
  unplaced: [],
};

describe('escapeXml', () => {
  it('escapes markup, keeps tabs and line breaks as references in attributes, drops what XML 1.0 cannot carry', () => {
    expect(escapeXml('a & <b> "c" \'d\'')).toBe('a &amp; &lt;b&gt; "c" \'d\'');
    expect(escapeXml('a & <b> "c" \'d\'', true)).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
    expect(escapeXml('x\ny\tz\r', true)).toBe('x&#10;y&#9;z&#13;');
    expect(escapeXml('a\u0000b\u001Fc\uFFFE')).toBe('abc');
    expect(escapeXml('\uD83D\uDE00 \uD800 \uDC00')).toBe('\uD83D\uDE00 \uFFFD \uFFFD');
  });
});

describe('toGexf', () => {
  const root = parseXml(toGexf(sides, { date: '2025-01-15' }));

  it('is GEXF 1.3 with an undirected static graph', () => {
    expect(root.name).toBe('gexf');
    expect(root.uri).toBe('http://gexf.net/1.3');
    expect(root.attrs.version).toBe('1.3');
    expect(one(root, 'meta').attrs.lastmodifieddate).toBe('2025-01-15');
    expect(one(root, 'graph').attrs).toMatchObject({ mode: 'static', defaultedgetype: 'undirected' });
  });

  it('has every node and edge of the graph, with labels, kinds and weights', () => {
    const nodes = all(one(root, 'nodes'), 'node');
    const edges = all(one(root, 'edges'), 'edge');
    expect(nodes).toHaveLength(5);
    expect(edges).toHaveLength(4);
    const iraq = nodes.find((n) => n.attrs.id === 'irq') as El;
    expect(iraq.attrs.label).toBe('Iraq');
    const values = Object.fromEntries(all(iraq, 'attvalue').map((v) => [v.attrs.for, v.attrs.value]));
    expect(values).toEqual({ kind: 'country', country: 'IRQ', degree: '4', engagements: '7' });
    const somalia = edges.find((e) => [e.attrs.source, e.attrs.target].sort().join() === 'irq,som') as El;
    expect(somalia.attrs.weight).toBe('2');
  });

  it('declares edge attributes and fills dominant type, dates and per-type counts', () => {
    const edgeAttrs = all(root, 'attributes').find((a) => a.attrs.class === 'edge') as El;
    const declared = Object.fromEntries(all(edgeAttrs, 'attribute').map((a) => [a.attrs.title, a.attrs.id]));
    expect(Object.keys(declared)).toEqual(['engagements', 'dominant type', 'first date', 'last date', 'count AGREE', 'count CONSULT']);
    const iran = all(root, 'edge').find((e) => e.attrs.id === 'irn::irq') as El;
    const values = Object.fromEntries(all(iran, 'attvalue').map((v) => [v.attrs.for, v.attrs.value]));
    expect(values).toEqual({
      count: '1',
      dominant_type: 'CONSULT',
      first_date: '2020-03-08',
      last_date: '2020-03-08',
      [declared['count AGREE']]: '0',
      [declared['count CONSULT']]: '1',
    });
    // No date known: the value is left out rather than written empty.
    const somalia = all(root, 'edge').find((e) => e.attrs.id === 'irq::som') as El;
    expect(all(somalia, 'attvalue').map((v) => v.attrs.for)).not.toContain('first_date');
  });

  it('round-trips ids and labels that need escaping', () => {
    const r = parseXml(toGexf(nasty, { date: '2025-01-15' }));
    const nodes = all(r, 'node');
    expect(nodes.map((n) => n.attrs.id)).toEqual(['a&b', 'c']);
    expect(nodes[0].attrs.label).toBe('Ministry of "Law" & <Order> \'Dept\'');
    expect(nodes[1].attrs.label).toBe('Line\nbreak\tandcontrol \uD83D\uDE00 lone \uFFFD ]]>');
    expect(one(r, 'edge').attrs).toMatchObject({ source: 'a&b', target: 'c' });
    expect(all(r, 'attribute').map((a) => a.attrs.title)).toContain('count T<1>');
  });
});

describe('toGraphml', () => {
  const root = parseXml(toGraphml(sides));

  it('is GraphML with an undirected graph and typed keys', () => {
    expect(root.name).toBe('graphml');
    expect(root.uri).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(one(root, 'graph').attrs.edgedefault).toBe('undirected');
    const keys = all(root, 'key');
    expect(keys.find((k) => k.attrs.id === 'weight')?.attrs).toMatchObject({ for: 'edge', 'attr.type': 'double' });
    expect(keys.find((k) => k.attrs.id === 'degree')?.attrs).toMatchObject({ for: 'node', 'attr.type': 'int' });
    // Every data element refers to a declared key.
    const ids = new Set(keys.map((k) => k.attrs.id));
    expect(all(root, 'data').every((d) => ids.has(d.attrs.key))).toBe(true);
  });

  it('has every node and edge, with label, kind, weight and edge attributes', () => {
    const nodes = all(root, 'node');
    const edges = all(root, 'edge');
    expect(nodes).toHaveLength(5);
    expect(edges).toHaveLength(4);
    const data = (el: El) => Object.fromEntries(all(el, 'data').map((d) => [d.attrs.key, d.text]));
    expect(data(nodes.find((n) => n.attrs.id === 'nato') as El)).toEqual({ label: 'NATO', kind: 'organisation', degree: '1', engagements: '2' });
    const natoIraq = data(edges.find((e) => e.attrs.id === 'irq::nato') as El);
    expect(natoIraq).toMatchObject({ weight: '2', e_count: '2', e_dominant_type: 'CONSULT', e_first_date: '2023-04-04', e_last_date: '2023-04-04' });
    const edgeSources = edges.map((e) => [e.attrs.source, e.attrs.target].sort().join('-')).sort();
    expect(edgeSources).toEqual(['irn-irq', 'irq-nato', 'irq-som', 'irq-usa']);
  });

  it('round-trips text that needs escaping', () => {
    const r = parseXml(toGraphml(nasty));
    const labels = all(r, 'data').filter((d) => d.attrs.key === 'label').map((d) => d.text);
    expect(labels).toEqual(['Ministry of "Law" & <Order> \'Dept\'', 'Line\nbreak\tandcontrol \uD83D\uDE00 lone \uFFFD ]]>']);
    expect(all(r, 'node').map((n) => n.attrs.id)).toEqual(['a&b', 'c']);
  });
});
