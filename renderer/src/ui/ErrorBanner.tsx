import { useEffect } from 'react';

/** A failed action: what happened and what to do, until dismissed (Esc). */
export function ErrorBanner({ error, onDismiss }: { error: Error; onDismiss: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onDismiss();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-code={(error as { code?: string }).code ?? 'error'}>
      <span className="error-banner__text">{error.message}</span>
      <button type="button" className="btn btn--ghost" onClick={onDismiss} aria-label="Dismiss error">
        Dismiss
      </button>
    </div>
  );
}
