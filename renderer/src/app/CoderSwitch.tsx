import { type FormEvent, useState } from 'react';
import type { Coder } from '../../../shared/model/project';
import { liaison } from './transport';

const COLOURS = ['#2f6f9f', '#b5562b', '#3f8f5a', '#8e5bb5', '#a0445a', '#4a8f98'];

/** The current coder, always visible; switch or add a coder. Every change is recorded under them. */
export function CoderSwitch({ coders, currentId, onChanged }: { coders: Coder[]; currentId: string; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = coders.find((c) => c.id === currentId);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const c = await liaison.coders.create({ name: name.trim(), color: COLOURS[coders.length % COLOURS.length] });
      await liaison.coders.setCurrent({ id: c.id });
      setName('');
      setOpen(false);
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <span className="coder-switch">
      <button type="button" className="statusbar__btn" data-testid="current-coder" title="Every change is recorded under this coder. Click to switch." onClick={() => setOpen(!open)}>
        <span className="coder-dot" style={{ background: current?.color }} aria-hidden="true" />
        {current?.name ?? '—'}
      </button>
      {open && (
        <div className="coder-switch__pop" data-testid="coder-menu">
          <div className="ef__label">Coding as</div>
          {coders.map((c) => (
            <button
              type="button"
              key={c.id}
              className={`coder-switch__item${c.id === currentId ? ' coder-switch__item--on' : ''}`}
              data-testid="coder-option"
              onClick={async () => {
                await liaison.coders.setCurrent({ id: c.id });
                setOpen(false);
                onChanged();
              }}
            >
              <span className="coder-dot" style={{ background: c.color }} aria-hidden="true" />
              {c.name} <span className="muted small">{c.initials}</span>
            </button>
          ))}
          <form onSubmit={add} className="coder-switch__add">
            <input className="input input--small" placeholder="New coder's name" value={name} onChange={(e) => setName(e.target.value)} data-testid="new-coder-name" aria-label="New coder's name" />
            <button type="submit" className="btn btn--small" disabled={!name.trim()} data-testid="new-coder-add">
              Add
            </button>
          </form>
          {error && <p className="form-error small">{error}</p>}
        </div>
      )}
    </span>
  );
}
