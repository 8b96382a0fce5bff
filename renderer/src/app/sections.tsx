import type { ReactNode } from 'react';
import { ActorsView } from '../features/actors/ActorsView';
import { CodebookView } from '../features/codebook/CodebookView';
import { EngagementsView } from '../features/engagements/EngagementsView';
import { LibraryView } from '../features/library/LibraryView';
import { NetworkView } from '../features/network/NetworkView';
import { ReviewView } from '../features/review/ReviewView';

export type SectionId = 'library' | 'engagements' | 'actors' | 'network' | 'review' | 'codebook';

export interface Section {
  id: SectionId;
  label: string;
  /** Ctrl/Cmd + this digit switches to the section. */
  key: string;
  icon: ReactNode;
  render: (ctx: SectionContext) => ReactNode;
}

/** What a section can ask of the shell. */
export interface SectionContext {
  onImport: () => void;
  /** Open the coding screen on a document (and one of its engagements). */
  /** `query`: the search the article was opened from, marked in its text there too. */
  openCoding: (documentId: string, engagementId?: string, query?: string) => void;
  /** Go to another section (what an empty state's next step leads to). */
  goTo: (section: SectionId) => void;
}

const icon = (d: string) => (
  <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" className="nav__icon">
    <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const sections: Section[] = [
  {
    id: 'library',
    label: 'Library',
    key: '1',
    icon: icon('M4 3h9l3 3v11H4z M13 3v3h3 M7 9h6 M7 12h6 M7 15h4'),
    render: (ctx) => <LibraryView onImport={ctx.onImport} onCode={(documentId, query) => ctx.openCoding(documentId, undefined, query)} />,
  },
  {
    id: 'engagements',
    label: 'Engagements',
    key: '2',
    icon: icon('M3 10h4l2-5 2 10 2-5h4'),
    render: (ctx) => <EngagementsView openCoding={ctx.openCoding} onOpenLibrary={() => ctx.goTo('library')} />,
  },
  {
    id: 'actors',
    label: 'Actors',
    key: '3',
    icon: icon('M10 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M4 17c0-3 3-5 6-5s6 2 6 5'),
    render: (ctx) => <ActorsView openCoding={ctx.openCoding} />,
  },
  {
    id: 'network',
    label: 'Network',
    key: '4',
    icon: icon('M5 5m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M15 6m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M10 15m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M6.7 6.2l6.3-.1 M6 7l3 6 M14 8l-3 5'),
    render: (ctx) => <NetworkView openCoding={ctx.openCoding} onOpenLibrary={() => ctx.goTo('library')} />,
  },
  {
    id: 'review',
    label: 'Review',
    key: '5',
    icon: icon('M4 10l4 4 8-9'),
    render: (ctx) => <ReviewView openCoding={ctx.openCoding} />,
  },
  {
    id: 'codebook',
    label: 'Codebook',
    key: '6',
    icon: icon('M5 3h10v14H5z M8 7h4 M8 10h4 M8 13h2'),
    render: () => <CodebookView />,
  },
];
