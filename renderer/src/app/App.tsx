import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../shared/model/project';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Shell } from './Shell';
import { StartScreen } from './StartScreen';
import { liaison, subscribe } from './transport';

type AppState = { kind: 'loading' } | { kind: 'start' } | { kind: 'project'; project: ProjectInfo };

/** Top-level state: the start screen or an open project. `data-app-state` lets tests wait on it. */
export function App() {
  const [state, setState] = useState<AppState>({ kind: 'loading' });
  const [error, setError] = useState<Error | null>(null);

  const show = useCallback((project: ProjectInfo | null) => {
    setState(project ? { kind: 'project', project } : { kind: 'start' });
  }, []);

  useEffect(() => {
    liaison.projects.current({}).then(show, (e: Error) => {
      setError(e);
      setState({ kind: 'start' });
    });
    return subscribe('project.changed', ({ project }) => show(project));
  }, [show]);

  useEffect(() => {
    document.documentElement.dataset.appState = state.kind;
    document.title = state.kind === 'project' ? `${state.project.name} — Liaison` : 'Liaison';
  }, [state]);

  const run = useCallback(
    async (action: () => Promise<ProjectInfo | null>) => {
      setError(null);
      try {
        show(await action());
      } catch (e) {
        setError(e as Error);
      }
    },
    [show],
  );

  return (
    <>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {state.kind === 'loading' && <div className="splash" aria-busy="true" />}
      {state.kind === 'start' && <StartScreen run={run} />}
      {state.kind === 'project' && <Shell project={state.project} onClose={() => run(() => liaison.projects.close({}))} />}
    </>
  );
}
