import type { ImportSummary } from '../../../../shared/model/library';

/** What an import did: counts, then every file it did not import with the reason. */
export function ImportReport({ summary }: { summary: ImportSummary }) {
  const problems = [...summary.failed.map((f) => ({ ...f, status: 'failed' as const })), ...summary.skipped.map((f) => ({ ...f, status: 'skipped' as const }))];
  const stat = (label: string, value: number, testId: string) => (
    <div className="stat" data-testid={testId}>
      <span className="stat__value">{value.toLocaleString()}</span>
      <span className="stat__label">{label}</span>
    </div>
  );
  return (
    <div className="import-report" data-testid="import-report">
      <p className="import-report__status">
        {summary.status === 'cancelled' ? 'Import cancelled. What was imported is kept; import the same folder again to continue.' : 'Import finished.'}{' '}
        <span className="muted">{(summary.elapsedMs / 1000).toFixed(1)} s</span>
      </p>
      <div className="stats">
        {stat(summary.imported === 1 ? 'document imported' : 'documents imported', summary.imported, 'report-imported')}
        {stat(summary.unchanged === 1 ? 'file unchanged' : 'files unchanged', summary.unchanged, 'report-unchanged')}
        {stat('exact duplicates', summary.duplicates.exact, 'report-exact')}
        {stat('near duplicates', summary.duplicates.near, 'report-near')}
        {stat('skipped', summary.skipped.length, 'report-skipped')}
        {stat('failed', summary.failed.length, 'report-failed')}
      </div>
      {problems.length > 0 && (
        <div className="report-table-wrap">
          <table className="report-table" data-testid="report-problems">
            <thead>
              <tr>
                <th>File</th>
                <th>Status</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={`${p.status}:${p.path}`} data-code={p.code}>
                  <td className="report-table__path" title={p.path}>
                    {p.path.split(/[\\/]/).pop()}
                  </td>
                  <td>
                    <span className={`tag tag--${p.status}`}>{p.status}</span>
                  </td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
