import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs a loader, keeps its result, and reloads on demand or when `key` changes.
 * Answers that arrive after a newer request are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): { data: T | undefined; error: Error | undefined; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => {
    const mine = ++generation.current;
    loadRef.current().then(
      (data) => mine === generation.current && setState({ data }),
      (error: Error) => mine === generation.current && setState({ error }),
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the caller's signal to load again
  useEffect(() => reload(), [reload, key]);
  return { data: state.data, error: state.error, reload };
}
