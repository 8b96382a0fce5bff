import type { ReactNode } from 'react';

/** What is missing, and the next step to fill it. */
export function EmptyState({ title, children, action, testId }: { title: string; children: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <h2 className="empty-state__title">{title}</h2>
      <div className="empty-state__body">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}

/** The next step of a view that shows coded work before any exists: the Library, where coding starts. */
export function CodeInLibraryButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  return (
    <button type="button" className="btn btn--primary" data-testid={testId} onClick={onClick} title="Library (Ctrl+1)">
      Open the Library to code an article
    </button>
  );
}
