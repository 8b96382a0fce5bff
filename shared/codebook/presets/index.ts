/**
 * The shipped presets. They are module-level data shared by every caller, so they are frozen (a
 * stray mutation would silently change the preset for the whole app) and `getPreset` hands out a
 * deep copy the caller may keep, edit and store.
 */
import type { Codebook } from '../../model/codebook';
import { CAMEO } from './cameo';
import { PLOVER } from './plover';
import { SECURITY_COOPERATION, SECURITY_COOPERATION_ID } from './security-cooperation';

export { CAMEO_ID } from './cameo';
export { PLOVER_ID } from './plover';
export { PLOVER_CONTEXT_KEYS } from './plover-contexts';
export { SECURITY_COOPERATION_ID } from './security-cooperation';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The default first: the order presets are offered in. Frozen deeply, so a mutation throws (ES
 * modules are strict) instead of changing the preset app-wide. Typed as a plain array only because
 * callers already return it as `Codebook[]`; treat it as read-only and use `getPreset` for a copy.
 */
export const PRESETS: Codebook[] = deepFreeze([SECURITY_COOPERATION, PLOVER, CAMEO]);

export const DEFAULT_PRESET_ID = SECURITY_COOPERATION_ID;

/** A fresh, mutable copy of a preset, or undefined for an unknown id. */
export function getPreset(id: string): Codebook | undefined {
  const preset = PRESETS.find((p) => p.id === id);
  return preset ? structuredClone(preset) : undefined;
}
