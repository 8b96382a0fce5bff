/** The library table's columns and their layout (order, hidden, widths); pure, so it is tested in Node. */
/** The library's columns, in their default order; `select` (the checkboxes) is fixed and not listed. */
export const COLUMN_IDS = ['title', 'outlet', 'publishedAt', 'place', 'batch', 'format', 'words', 'duplicates', 'engagements', 'coding'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  title: 'Title',
  outlet: 'Outlet',
  publishedAt: 'Published',
  place: 'Place',
  batch: 'Batch',
  format: 'Format',
  words: 'Words',
  duplicates: 'Duplicates',
  engagements: 'Engagements',
  coding: 'Coding',
};

/** Widths in px; the title also takes whatever room is left. */
export const DEFAULT_SIZES: Record<ColumnId, number> = {
  title: 260,
  outlet: 132,
  publishedAt: 94,
  place: 96,
  batch: 56,
  format: 66,
  words: 68,
  duplicates: 88,
  engagements: 56,
  coding: 76,
};
export const MIN_SIZE = 44;
export const MAX_SIZE = 900;

export interface ColumnLayout {
  order: ColumnId[];
  hidden: ColumnId[];
  sizes: Partial<Record<ColumnId, number>>;
}

/** Batch and format are in the facets; hidden until asked for, so the title keeps its room. */
export const DEFAULT_LAYOUT: ColumnLayout = { order: [...COLUMN_IDS], hidden: ['batch', 'format'], sizes: {} };

const isColumnId = (v: unknown): v is ColumnId => typeof v === 'string' && (COLUMN_IDS as readonly string[]).includes(v);

/**
 * A stored layout made safe to use: unknown columns dropped, columns added since it was saved put
 * back in their default place, widths clamped. It comes from the project file, so it is checked
 * like any input.
 */
export function sanitizeLayout(raw: unknown): ColumnLayout {
  if (!raw || typeof raw !== 'object') return DEFAULT_LAYOUT;
  const r = raw as Record<string, unknown>;
  const order = Array.isArray(r.order) ? [...new Set(r.order.filter(isColumnId))] : [];
  for (const id of COLUMN_IDS) {
    if (order.includes(id)) continue;
    // A column the saved layout did not know: after the column that precedes it by default.
    const before = COLUMN_IDS.slice(0, COLUMN_IDS.indexOf(id)).reverse().find((c) => order.includes(c));
    order.splice(before ? order.indexOf(before) + 1 : 0, 0, id);
  }
  let hidden = Array.isArray(r.hidden) ? [...new Set(r.hidden.filter(isColumnId))] : DEFAULT_LAYOUT.hidden;
  // A table of no columns helps nobody (the menu never allows it; a hand-edited file might).
  if (COLUMN_IDS.every((id) => hidden.includes(id))) hidden = [];
  const sizes: Partial<Record<ColumnId, number>> = {};
  if (r.sizes && typeof r.sizes === 'object') {
    for (const [k, v] of Object.entries(r.sizes as Record<string, unknown>)) {
      if (isColumnId(k) && typeof v === 'number' && Number.isFinite(v)) sizes[k] = Math.round(Math.min(MAX_SIZE, Math.max(MIN_SIZE, v)));
    }
  }
  return { order, hidden, sizes };
}
