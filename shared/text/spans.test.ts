import { describe, expect, it } from 'vitest';
import { trimSelection, verifySpan } from './spans';

const text = 'Somalia’s National Security Adviser, Hussein Moallim, met with Qasim al-Araji in Baghdad.';

describe('span verification', () => {
  it('accepts a span whose quote matches the text', () => {
    const start = text.indexOf('Hussein Moallim');
    expect(verifySpan(text, { start, end: start + 15, quote: 'Hussein Moallim' })).toEqual({ ok: true });
  });
  it('reports a span that no longer matches, saying what is there', () => {
    const start = text.indexOf('Hussein Moallim');
    const check = verifySpan(text, { start: start + 1, end: start + 16, quote: 'Hussein Moallim' });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain('ussein Moallim,');
  });
  it('reports spans past the end or inverted', () => {
    expect(verifySpan(text, { start: 80, end: 500, quote: 'x' }).ok).toBe(false);
    expect(verifySpan(text, { start: 5, end: 5, quote: '' }).ok).toBe(false);
  });
  it('trims whitespace from a selection, in either direction', () => {
    const start = text.indexOf(' Hussein');
    expect(trimSelection(text, start + 16, start)).toEqual({ start: start + 1, end: start + 16 });
    expect(trimSelection(text, 3, 3)).toBeNull();
  });
});
