/**
 * The comparison runs here, off the window's thread: two long articles can take a second or
 * more to align, and the panes must keep scrolling meanwhile. One request at a time per worker;
 * the answer's arrays are transferred, not copied.
 */
import { type DiffRequest, type DiffResponse, wordDiff } from './word-diff';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<DiffRequest>) => void) | null;
  postMessage(message: DiffResponse, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, a, b } = e.data;
  try {
    const diff = wordDiff(a, b);
    scope.postMessage({ id, diff }, [diff.marksA.buffer, diff.marksB.buffer, diff.gapsA.buffer, diff.gapsB.buffer, diff.hunks.buffer, diff.anchors.buffer]);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }, []);
  }
};
