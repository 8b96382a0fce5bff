import type { ListedDocument } from '../../../../shared/model/library';

interface Props {
  /** The rows picked one by one (empty when all matching are selected). */
  rows: ListedDocument[];
  count: number;
  /** Every document matching the list is selected (less the rows unticked since). */
  allMatching: boolean;
  /** Two documents to compare: two selected, or one selected and the current row. */
  canCompare: boolean;
  onOpen: () => void;
  onCompare: () => void;
  onExclude: (excluded: boolean) => void;
  onExport: () => void;
  onClear: () => void;
}

const numberFormat = new Intl.NumberFormat();

/** What can be done with the selected rows; shown while there is a selection. */
export function SelectionBar({ rows, count, allMatching, canCompare, onOpen, onCompare, onExclude, onExport, onClear }: Props) {
  // Picked rows say whether they are marked; for "all matching" both actions are offered.
  const excluded = allMatching ? -1 : rows.filter((r) => r.excluded).length;
  return (
    <div className="selection-bar" data-testid="selection-bar" role="toolbar" aria-label="Selected documents">
      <span className="selection-bar__count" data-testid="selection-count">
        {numberFormat.format(count)} selected
      </span>
      {allMatching && (
        <span className="selection-bar__scope muted small" data-testid="selection-all-matching">
          all matching the search and filters
        </span>
      )}
      <button type="button" className="btn btn--small" data-testid="selection-open" onClick={onOpen} title="Read the first selected (Enter opens the current row)">
        Open
      </button>
      <button
        type="button"
        className="btn btn--small"
        data-testid="selection-compare"
        onClick={onCompare}
        disabled={!canCompare}
        title={canCompare ? 'Compare the two side by side (c)' : 'Select two documents to compare them (c)'}
      >
        Compare <kbd>c</kbd>
      </button>
      {excluded < count && (
        <button type="button" className="btn btn--small" data-testid="selection-exclude" onClick={() => onExclude(true)} title="Leave them out of coding queues (x); reversible">
          Mark not relevant
        </button>
      )}
      {excluded !== 0 && (
        <button type="button" className="btn btn--small" data-testid="selection-include" onClick={() => onExclude(false)} title="Put them back in coding queues">
          Mark relevant
        </button>
      )}
      <button type="button" className="btn btn--small" data-testid="selection-export" onClick={onExport} title="Save the list of selected documents as CSV">
        Export CSV
      </button>
      <button type="button" className="btn btn--ghost btn--small" data-testid="selection-clear" onClick={onClear} title="Clear the selection (Esc)">
        Clear
      </button>
    </div>
  );
}
