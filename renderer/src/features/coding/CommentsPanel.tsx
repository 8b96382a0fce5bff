import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { Comment } from '../../../../shared/contract-agreement';
import { liaison } from '../../app/transport';
import { formatDateTime } from '../../ui/format';

/** Threaded comments on an engagement or a document: who said what, when; reply to any comment. */
export function CommentsPanel({ entity, entityId, title }: { entity: 'engagement' | 'document'; entityId: string; title: string }) {
  const [comments, setComments] = useState<Comment[]>([]);
  const [body, setBody] = useState('');
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => liaison.comments.list({ entity, entityId }).then(setComments, (e: Error) => setError(e.message)), [entity, entityId]);
  useEffect(() => {
    void load();
  }, [load]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await liaison.comments.add({ entity, entityId, parentId: replyTo?.id ?? null, body });
      setBody('');
      setReplyTo(null);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const roots = comments.filter((c) => !c.parentId);
  const repliesTo = (id: string) => comments.filter((c) => c.parentId === id);
  const render = (c: Comment, depth: number) => (
    <li key={c.id} className="comment" style={{ marginLeft: depth * 14 }} data-testid="comment">
      <div className="comment__head">
        <span className="coder-dot" style={{ background: c.coder.color }} aria-hidden="true" />
        <strong>{c.coder.name}</strong> <span className="muted small">{formatDateTime(c.at)}</span>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setReplyTo(c)}>
          Reply
        </button>
      </div>
      <div className="comment__body">{c.body}</div>
      {repliesTo(c.id).length > 0 && <ul className="comments__list">{repliesTo(c.id).map((r) => render(r, depth + 1))}</ul>}
    </li>
  );
  return (
    <details className="comments" data-testid={`comments-${entity}`} open={comments.length > 0}>
      <summary className="ef__label">
        {title} ({comments.length})
      </summary>
      <ul className="comments__list">{roots.map((c) => render(c, 0))}</ul>
      <form onSubmit={submit} className="comments__form">
        {replyTo && (
          <span className="muted small">
            Replying to {replyTo.coder.name}{' '}
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setReplyTo(null)}>
              cancel
            </button>
          </span>
        )}
        <textarea className="input input--area-small" rows={2} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Add a comment" aria-label={`Comment on this ${entity}`} data-testid={`comment-input-${entity}`} />
        <button type="submit" className="btn btn--small" disabled={!body.trim()} data-testid={`comment-add-${entity}`}>
          {replyTo ? 'Reply' : 'Comment'}
        </button>
        {error && <p className="form-error small">{error}</p>}
      </form>
    </details>
  );
}
