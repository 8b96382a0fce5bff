/**
 * Errors that cross the contract. Every failed call answers `{ code, message }`: the code is
 * stable (the renderer and tests branch on it), the message says what happened and what to do.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unauthorized'
  | 'unknown-call'
  | 'no-project'
  | 'not-found'
  | 'exists'
  | 'project-locked'
  | 'project-too-new'
  | 'project-damaged'
  | 'not-a-project'
  | 'io'
  | 'bad-query'
  | 'busy'
  | 'cancelled'
  | 'unsupported'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error implements ErrorInfo {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What every call answers, over IPC and over HTTP alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
