/**
 * The network as files Gephi (and yEd, Cytoscape, networkx) open: GEXF 1.3 and GraphML.
 * Written by hand rather than through a serializer package because both formats are small and
 * fixed, and the one thing that matters, escaping, is easier to see and test here.
 *
 * Both carry the same data: node label, kind, country, degree and engagement count; edge weight
 * (= engagement count), dominant type, first and last date, and one count per engagement type.
 * Dates are written as strings because they may be partial (`2023-04`), which xsd:date refuses.
 */
import type { EngagementGraph, GraphEdge } from './aggregate';

/**
 * Escape for XML 1.0 text and attribute values. Characters XML 1.0 cannot carry at all (C0
 * controls other than tab/newline/return, U+FFFE/U+FFFF) are dropped: an article scraped with a
 * stray control character must not make the whole file unreadable. Lone surrogates become U+FFFD.
 * In attributes, tab and line breaks are written as character references, because a parser
 * normalises literal ones to spaces.
 */
export function escapeXml(value: string, attribute = false): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i] + value[i + 1];
        i++;
      } else {
        out += '\uFFFD';
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\uFFFD';
      continue;
    }
    if (c === 0xfffe || c === 0xffff) continue;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    switch (c) {
      case 0x26: out += '&amp;'; break;
      case 0x3c: out += '&lt;'; break;
      case 0x3e: out += '&gt;'; break;
      case 0x22: out += attribute ? '&quot;' : '"'; break;
      case 0x27: out += attribute ? '&apos;' : "'"; break;
      case 0x09: out += attribute ? '&#9;' : '\t'; break;
      case 0x0a: out += attribute ? '&#10;' : '\n'; break;
      case 0x0d: out += '&#13;'; break;
      default: out += value[i];
    }
  }
  return out;
}

const attr = (value: string | number): string => escapeXml(String(value), true);

/** Every type that occurs on an edge, sorted, so per-type columns are the same in both formats. */
function edgeTypes(graph: EngagementGraph): string[] {
  const types = new Set<string>();
  for (const e of graph.edges) for (const t of Object.keys(e.countsByType)) types.add(t);
  return [...types].sort();
}

interface EdgeField {
  id: string;
  title: string;
  type: 'string' | 'integer';
  value: (e: GraphEdge) => string | number | null;
}

function edgeFields(graph: EngagementGraph): EdgeField[] {
  const fixed: EdgeField[] = [
    { id: 'count', title: 'engagements', type: 'integer', value: (e) => e.count },
    { id: 'dominant_type', title: 'dominant type', type: 'string', value: (e) => e.dominantType },
    { id: 'first_date', title: 'first date', type: 'string', value: (e) => e.firstDate },
    { id: 'last_date', title: 'last date', type: 'string', value: (e) => e.lastDate },
  ];
  // Type keys are free text in a custom codebook: ids are positional, the key goes in the title.
  const perType = edgeTypes(graph).map((t, i): EdgeField => ({
    id: `type_${i}`,
    title: `count ${t}`,
    type: 'integer',
    value: (e) => e.countsByType[t] ?? 0,
  }));
  return [...fixed, ...perType];
}

export interface GraphFileOptions {
  /** `YYYY-MM-DD` for GEXF's lastmodifieddate; today when absent. */
  date?: string;
  description?: string;
}

export function toGexf(graph: EngagementGraph, options: GraphFileOptions = {}): string {
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const description = options.description ?? `Liaison engagements network, ${graph.level} level`;
  const fields = edgeFields(graph);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${attr(date)}">`,
    '    <creator>Liaison</creator>',
    `    <description>${escapeXml(description)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node" mode="static">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="country" title="country" type="string"/>',
    '      <attribute id="degree" title="degree" type="integer"/>',
    '      <attribute id="engagements" title="engagements" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge" mode="static">',
    ...fields.map((f) => `      <attribute id="${attr(f.id)}" title="${attr(f.title)}" type="${f.type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    lines.push(`      <node id="${attr(n.id)}" label="${attr(n.label)}">`, '        <attvalues>');
    lines.push(`          <attvalue for="kind" value="${attr(n.kind)}"/>`);
    if (n.countryCode) lines.push(`          <attvalue for="country" value="${attr(n.countryCode)}"/>`);
    lines.push(`          <attvalue for="degree" value="${n.degree}"/>`, `          <attvalue for="engagements" value="${n.engagementCount}"/>`);
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of graph.edges) {
    lines.push(`      <edge id="${attr(e.id)}" source="${attr(e.source)}" target="${attr(e.target)}" weight="${e.count}">`, '        <attvalues>');
    for (const f of fields) {
      const v = f.value(e);
      if (v !== null) lines.push(`          <attvalue for="${attr(f.id)}" value="${attr(v)}"/>`);
    }
    lines.push('        </attvalues>', '      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

export function toGraphml(graph: EngagementGraph): string {
  const fields = edgeFields(graph);
  const typeName = (t: EdgeField['type']): string => (t === 'integer' ? 'int' : 'string');
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    // `label` and `weight` are the names Gephi and yEd pick up without mapping.
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="country" for="node" attr.name="country" attr.type="string"/>',
    '  <key id="degree" for="node" attr.name="degree" attr.type="int"/>',
    '  <key id="engagements" for="node" attr.name="engagements" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    ...fields.map((f) => `  <key id="e_${attr(f.id)}" for="edge" attr.name="${attr(f.title)}" attr.type="${typeName(f.type)}"/>`),
    `  <graph id="${attr(graph.level)}" edgedefault="undirected">`,
  ];
  const data = (key: string, value: string | number): string => `      <data key="${attr(key)}">${escapeXml(String(value))}</data>`;
  for (const n of graph.nodes) {
    lines.push(`    <node id="${attr(n.id)}">`, data('label', n.label), data('kind', n.kind));
    if (n.countryCode) lines.push(data('country', n.countryCode));
    lines.push(data('degree', n.degree), data('engagements', n.engagementCount), '    </node>');
  }
  for (const e of graph.edges) {
    lines.push(`    <edge id="${attr(e.id)}" source="${attr(e.source)}" target="${attr(e.target)}">`, data('weight', e.count));
    for (const f of fields) {
      const v = f.value(e);
      if (v !== null) lines.push(data(`e_${f.id}`, v));
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
