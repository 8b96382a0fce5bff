import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../shared/model/project';
import { CodingView } from '../features/coding/CodingView';
import { ImportDialog } from '../features/import/ImportDialog';
import { CoderSwitch } from './CoderSwitch';
import { type SectionId, sections } from './sections';
import { liaison, subscribe } from './transport';
import { useAsync } from './use-async';

/** The main window: navigation on the left, the section in the middle, the status bar below. */
export function Shell({ project, onClose }: { project: ProjectInfo; onClose: () => void }) {
  const [active, setActive] = useState<SectionId>('library');
  const [importOpen, setImportOpen] = useState(false);
  const [coding, setCoding] = useState<{ documentId: string; engagementId?: string; query?: string } | null>(null);
  const coders = useAsync(() => liaison.coders.list({}), project.id);
  const reloadCoders = coders.reload;
  useEffect(() => subscribe('db.changed', ({ tables }) => (tables.includes('coders') || tables.includes('meta')) && reloadCoders()), [reloadCoders]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key === 'i') {
        e.preventDefault();
        setImportOpen(true);
        return;
      }
      const section = sections.find((s) => s.key === e.key);
      if (section) {
        e.preventDefault();
        setActive(section.id);
        setCoding(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = sections.find((s) => s.id === active)!;

  return (
    <div className="shell" data-testid="shell">
      <nav className="nav" aria-label="Sections">
        <div className="nav__project" title={project.path}>
          <span className="nav__project-name" data-testid="project-name">
            {project.name}
          </span>
        </div>
        <div className="nav__actions">
          <button type="button" className="btn btn--primary nav__import" data-testid="open-import" onClick={() => setImportOpen(true)} title="Import articles (Ctrl+I)">
            Import…
          </button>
        </div>
        <ul className="nav__list">
          {sections.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`nav__item${s.id === active ? ' nav__item--active' : ''}`}
                aria-current={s.id === active ? 'page' : undefined}
                data-testid={`nav-${s.id}`}
                onClick={() => {
                  setActive(s.id);
                  setCoding(null);
                }}
                title={`${s.label} (Ctrl+${s.key})`}
              >
                {s.icon}
                <span className="nav__label">{s.label}</span>
                {/* Spelt out: a bare digit beside a section read as a count of its items. */}
                <kbd className="nav__kbd">
                  Ctrl+{s.key}
                </kbd>
              </button>
            </li>
          ))}
        </ul>
        <div className="nav__footer">
          <button type="button" className="btn btn--ghost btn--small" data-testid="close-project" onClick={onClose}>
            Close project
          </button>
        </div>
      </nav>
      <main className="content" aria-label={current.label} data-testid={`section-${current.id}`}>
        {!coding && (
          <header className="content__header">
            <h1 className="content__title">{current.label}</h1>
          </header>
        )}
        <div className="content__body">
          {coding ? (
            <CodingView key={`${coding.documentId}:${coding.engagementId ?? ''}`} documentId={coding.documentId} engagementId={coding.engagementId} query={coding.query} onBack={() => setCoding(null)} />
          ) : (
            current.render({
              onImport: () => setImportOpen(true),
              openCoding: (documentId, engagementId, query) => setCoding({ documentId, ...(engagementId ? { engagementId } : {}), ...(query ? { query } : {}) }),
              goTo: (section) => {
                setActive(section);
                setCoding(null);
              },
            })
          )}
        </div>
      </main>
      {importOpen && <ImportDialog onClose={() => setImportOpen(false)} />}
      <footer className="statusbar" data-testid="statusbar">
        <span className="statusbar__item statusbar__project">{project.name}</span>
        <span className="statusbar__item statusbar__path" title={project.path}>
          {project.path}
        </span>
        <span className="statusbar__spacer" />
        {project.readOnly && <span className="statusbar__item statusbar__warn">Read-only</span>}
        {coders.data && <CoderSwitch coders={coders.data.coders} currentId={coders.data.currentId} onChanged={reloadCoders} />}
        <span className="statusbar__item muted">schema {project.schemaVersion}</span>
      </footer>
    </div>
  );
}
