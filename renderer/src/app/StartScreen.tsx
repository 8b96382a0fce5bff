import { type FormEvent, useState } from 'react';
import type { ProjectInfo, RecentProject } from '../../../shared/model/project';
import { formatDateTime } from '../ui/format';
import { liaison, transportMode } from './transport';
import { useAsync } from './use-async';

interface Props {
  run: (action: () => Promise<ProjectInfo | null>) => Promise<void>;
}

/** New project, open project, recent projects. Native dialogs in Electron, typed paths in a browser. */
export function StartScreen({ run }: Props) {
  const recent = useAsync(() => liaison.projects.recent({}), 'recent');
  const [newPath, setNewPath] = useState('');
  const [newName, setNewName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const native = transportMode === 'electron';

  // The desktop app offers the native dialog; the path field works everywhere (paste a path).
  const browse = async (mode: 'create' | 'open') => {
    const picked = await liaison.dialogs.pickProject({ mode });
    if (!picked) return;
    if (mode === 'create') setNewPath(picked.path);
    else void run(() => liaison.projects.open({ path: picked.path }));
  };
  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    void run(() => liaison.projects.create({ path: newPath.trim(), ...(newName.trim() ? { name: newName.trim() } : {}) }));
  };
  const onOpen = (e: FormEvent) => {
    e.preventDefault();
    void run(() => liaison.projects.open({ path: openPath.trim() }));
  };
  const forget = async (p: RecentProject) => {
    await liaison.projects.forget({ path: p.path });
    recent.reload();
  };

  return (
    <main className="start" data-testid="start-screen">
      <header className="start__header">
        <h1 className="wordmark">Liaison</h1>
        <p className="start__tagline">Code engagements between officials, states and organisations from the articles that report them. Offline, on this machine only.</p>
      </header>
      <div className="start__grid">
        <section className="panel" aria-labelledby="new-project-h">
          <h2 id="new-project-h" className="panel__title">New project</h2>
          <p className="panel__hint">A project is one file holding its articles, coding and history. Keep it somewhere that is backed up.</p>
          <form onSubmit={onCreate} className="form">
              <label className="field">
                <span className="field__label">File path</span>
                <input
                  data-testid="new-project-path"
                  className="input"
                  value={newPath}
                  onChange={(e) => setNewPath(e.target.value)}
                  placeholder="/home/analyst/projects/iraq-somalia.liaison"
                  spellCheck={false}
                  required
                />
              </label>
              {native && (
                <button type="button" className="btn btn--small" onClick={() => browse('create')}>
                  Browse…
                </button>
              )}
              <label className="field">
                <span className="field__label">Name (optional)</span>
                <input data-testid="new-project-name" className="input" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Iraq–Somalia security ties" />
              </label>
              <button type="submit" className="btn btn--primary" data-testid="new-project-submit">
                Create project
              </button>
            </form>
          <h2 className="panel__title panel__title--second">Open project</h2>
          <form onSubmit={onOpen} className="form form--inline">
              <label className="field field--grow">
                <span className="field__label">File path</span>
                <input data-testid="open-project-path" className="input" value={openPath} onChange={(e) => setOpenPath(e.target.value)} placeholder="/path/to/project.liaison" spellCheck={false} required />
              </label>
              {native && (
                <button type="button" className="btn" onClick={() => browse('open')}>
                  Browse…
                </button>
              )}
              <button type="submit" className="btn" data-testid="open-project-submit">
                Open
              </button>
            </form>
        </section>
        <section className="panel" aria-labelledby="recent-h">
          <h2 id="recent-h" className="panel__title">Recent projects</h2>
          {recent.data && recent.data.length === 0 && <p className="muted" data-testid="recent-empty">No recent projects yet. Create one, or open a project file you were given.</p>}
          <ul className="recent" data-testid="recent-list">
            {recent.data?.map((p) => (
              <li key={p.path} className={`recent__item${p.exists ? '' : ' recent__item--missing'}`}>
                <button
                  type="button"
                  className="recent__open"
                  data-testid="recent-project"
                  disabled={!p.exists}
                  title={p.exists ? `Open ${p.path}` : 'The file is no longer at this path'}
                  onClick={() => run(() => liaison.projects.open({ path: p.path }))}
                >
                  <span className="recent__name">{p.name}</span>
                  <span className="recent__when">{p.exists ? `Last opened ${formatDateTime(p.lastOpenedAt)}` : 'Missing: moved or deleted'}</span>
                  <span className="recent__path">{p.path}</span>
                </button>
                <button type="button" className="btn btn--ghost btn--small" onClick={() => forget(p)} aria-label={`Remove ${p.name} from the recent list`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
