/** `liaison-selection-2026-03-05-1412.csv`, in local time. */
export function selectionFileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `liaison-selection-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.csv`;
}
