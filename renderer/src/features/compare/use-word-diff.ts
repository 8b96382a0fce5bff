import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../../shared/model/library';
import type { DiffRequest, DiffResponse, WordDiff } from './word-diff';

export interface DiffState {
  diff: WordDiff | null;
  error: Error | null;
}

/**
 * The word-level comparison of two documents, computed in a Web Worker (Vite bundles
 * diff-worker.ts as its own file; the CSP allows workers from our origin). Texts never change,
 * so a pair is compared once, however often the documents' metadata reloads. Should the worker
 * fail to start, the same function runs here instead: slower for long texts, but an answer.
 */
export function useWordDiff(a: DocumentDetail | undefined, b: DocumentDetail | undefined): DiffState {
  const [state, setState] = useState<DiffState>({ diff: null, error: null });
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  const key = a && b ? `${a.id}\u0000${b.id}` : null;
  const docs = useRef({ a, b });
  docs.current = { a, b };

  useEffect(() => {
    const { a, b } = docs.current;
    if (!key || !a || !b) return;
    const id = ++seq.current;
    const request: DiffRequest = { id, a: { text: a.text, ranges: a.ranges }, b: { text: b.text, ranges: b.ranges } };
    setState({ diff: null, error: null });
    const done = (next: DiffState) => id === seq.current && setState(next);
    const inThisThread = () =>
      import('./word-diff').then(
        ({ wordDiff }) => done({ diff: wordDiff(request.a, request.b), error: null }),
        (err: Error) => done({ diff: null, error: err }),
      );
    let w: Worker;
    try {
      w = worker.current ?? new Worker(new URL('./diff-worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
    } catch {
      inThisThread();
      return;
    }
    const onMessage = (e: MessageEvent<DiffResponse>) => {
      if (e.data.id !== id) return;
      if ('diff' in e.data) done({ diff: e.data.diff, error: null });
      else done({ diff: null, error: new Error(`The comparison failed: ${e.data.error}`) });
    };
    const onError = (e: Event) => {
      e.preventDefault?.();
      worker.current?.terminate();
      worker.current = null;
      inThisThread();
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(request);
    return () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
  }, [key]);
  return state;
}
