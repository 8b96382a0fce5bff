import type { ColumnDef } from '@tanstack/react-table';
import { createContext, type ReactNode, useContext } from 'react';
import type { EngagementGroup } from '../../../../shared/analysis';
import type { EngagementSort } from '../../../../shared/contract-analysis';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import type { Codebook, CodebookList } from '../../../../shared/model/codebook';

/** A group row: its count from the server, its engagements taken from the loaded rows in table order. */
export interface GroupItem {
  kind: 'group';
  group: EngagementGroup;
  members: EngagementSummary[];
}
export type Item = EngagementSummary | GroupItem;
export const isGroup = (item: Item): item is GroupItem => (item as GroupItem).kind === 'group';

/** Codebook labels for the cells: a context, so the column definitions never change. */
export const LabelsContext = createContext<Codebook | null>(null);

function useLabel(): (list: CodebookList, key: string) => string {
  const codebook = useContext(LabelsContext);
  return (list, key) => codebook?.[list].find((v) => v.key === key)?.label ?? key;
}

/** One line per cell; the full text is in the tooltip. */
function Text({ text, title, className }: { text: string; title?: string; className?: string }) {
  if (!text) return <span className="eng-table__none">—</span>;
  return (
    <span className={`eng-table__text${className ? ` ${className}` : ''}`} title={title ?? text}>
      {text}
    </span>
  );
}

function DateCell({ e }: { e: EngagementSummary }) {
  const d = e.date;
  if (!d.value) return <span className="eng-table__none">undated</span>;
  if (!d.inferred) return <Text text={d.value} title={`Stated in the article (${d.precision})`} className="eng-table__date" />;
  return (
    <span className="eng-table__text eng-table__date eng-table__date--inferred" title={`Inferred${d.basis ? `: ${d.basis}` : ' from a relative date in the article'}`} data-inferred="true">
      {d.value}
      <span className="eng-table__inferred" aria-hidden="true">
        *
      </span>
    </span>
  );
}

function CodebookCell({ list, keys, empty = '' }: { list: CodebookList; keys: readonly string[]; empty?: string }) {
  const label = useLabel();
  return <Text text={keys.length ? keys.map((k) => label(list, k)).join(', ') : empty} />;
}

function ParticipantsCell({ e }: { e: EngagementSummary }) {
  const label = useLabel();
  const names = e.participants.map((p) => p.name).join(', ');
  const detail = e.participants.map((p) => `${p.name}${p.title ? `, ${p.title}` : ''} (${label('roles', p.role)}${p.side ? `, ${p.side}` : ''})`).join('\n');
  return <Text text={names} title={detail} />;
}

function StatusCell({ e }: { e: EngagementSummary }) {
  return (
    <span className="eng-table__text" title={e.status}>
      <span className={`status-dot status-dot--${e.status}`} /> {e.status}
    </span>
  );
}

export type ColumnId = 'date' | 'type' | 'mode' | 'participants' | 'sides' | 'place' | 'topics' | 'outcomes' | 'status' | 'coder' | 'updated' | 'sources';

/** The columns SQL sorts by. */
export const SORT_BY: Partial<Record<ColumnId, EngagementSort['by']>> = { date: 'date', type: 'type', place: 'place', status: 'status', updated: 'updated' };

/** Grid track per column: fixed for short values, shares of the rest for lists. */
export const TRACKS: Record<ColumnId, string> = {
  date: '104px',
  type: '92px',
  mode: '84px',
  participants: 'minmax(150px, 1.7fr)',
  sides: 'minmax(100px, 1.1fr)',
  place: '118px',
  topics: 'minmax(100px, 1fr)',
  outcomes: 'minmax(90px, 0.8fr)',
  status: '84px',
  coder: '76px',
  updated: '92px',
  sources: '40px',
};
export const ALIGN_END = new Set<string>(['sources']);

const cell =
  (render: (e: EngagementSummary) => ReactNode): ColumnDef<Item>['cell'] =>
  ({ row }) =>
    isGroup(row.original) ? null : render(row.original);

/** Defined once: react-table compares column references, so they are never rebuilt per render. */
export const COLUMNS: ColumnDef<Item>[] = [
  { id: 'date', header: 'Date', cell: cell((e) => <DateCell e={e} />) },
  { id: 'type', header: 'Type', cell: cell((e) => <CodebookCell list="types" keys={[e.type]} />) },
  { id: 'mode', header: 'Mode', cell: cell((e) => <CodebookCell list="modes" keys={e.mode ? [e.mode] : []} />) },
  { id: 'participants', header: 'Participants', cell: cell((e) => <ParticipantsCell e={e} />) },
  { id: 'sides', header: 'Countries', cell: cell((e) => <Text text={(e.sides ?? []).map((s) => s.label).join(' – ')} />) },
  { id: 'place', header: 'Location', cell: cell((e) => <Text text={e.place ?? e.countryCode ?? ''} title={[e.place, e.countryCode].filter(Boolean).join(', ')} />) },
  { id: 'topics', header: 'Topics', cell: cell((e) => <CodebookCell list="topics" keys={e.topics ?? []} />) },
  { id: 'outcomes', header: 'Outcomes', cell: cell((e) => <CodebookCell list="outcomes" keys={e.outcomes ?? []} />) },
  { id: 'status', header: 'Status', cell: cell((e) => <StatusCell e={e} />) },
  { id: 'coder', header: 'Coder', cell: cell((e) => <Text text={e.coderName ?? ''} />) },
  { id: 'updated', header: 'Changed', cell: cell((e) => <Text text={e.updatedAt.slice(0, 10)} title={`Last changed ${e.updatedAt}`} className="eng-table__date" />) },
  { id: 'sources', header: 'Src', cell: cell((e) => <Text text={String(e.documentIds.length)} title={`${e.documentIds.length} source article${e.documentIds.length === 1 ? '' : 's'}`} />) },
];

export const HEADER_TITLES: Partial<Record<ColumnId, string>> = {
  sides: 'Countries and organisations the participants act for',
  sources: 'Number of source articles',
  updated: 'When the engagement was last changed',
};
