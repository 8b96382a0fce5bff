import { useSyncExternalStore } from 'react';
import type { CodingCommand } from '../../../../shared/contract-coding';
import { liaison } from '../../app/transport';

/**
 * Undo and redo for coding, across the session: every mutation answers its inverse command;
 * undo applies it and keeps the inverse of that (the redo). One stack per window.
 */
interface Step {
  label: string;
  undo: CodingCommand;
}

const undoStack: Step[] = [];
const redoStack: Step[] = [];
const listeners = new Set<() => void>();
let snapshot = { canUndo: false, canRedo: false, undoLabel: '', redoLabel: '' };

function changed(): void {
  snapshot = {
    canUndo: undoStack.length > 0,
    canRedo: redoStack.length > 0,
    undoLabel: undoStack.at(-1)?.label ?? '',
    redoLabel: redoStack.at(-1)?.label ?? '',
  };
  for (const l of listeners) l();
}

/** Record a mutation that was just made. A new action clears the redo stack. */
export function record(label: string, inverse: CodingCommand): void {
  undoStack.push({ label, undo: inverse });
  if (undoStack.length > 500) undoStack.shift();
  redoStack.length = 0;
  changed();
}

export async function undo(): Promise<string | null> {
  const step = undoStack.pop();
  if (!step) return null;
  try {
    const { inverse } = await liaison.coding.apply({ command: step.undo });
    redoStack.push({ label: step.label, undo: inverse });
    return step.label;
  } catch (err) {
    undoStack.push(step);
    throw err;
  } finally {
    changed();
  }
}

export async function redo(): Promise<string | null> {
  const step = redoStack.pop();
  if (!step) return null;
  try {
    const { inverse } = await liaison.coding.apply({ command: step.undo });
    undoStack.push({ label: step.label, undo: inverse });
    return step.label;
  } catch (err) {
    redoStack.push(step);
    throw err;
  } finally {
    changed();
  }
}

export function useUndoState() {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
