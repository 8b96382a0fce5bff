import type { EngagementInput } from '../../../shared/contract-coding';
import type { Db } from '../../store/open';
import type { AppContext } from '../context';
import * as actors from './actors';
import * as engagements from './engagements';

/**
 * The engagements of the five seed articles, coded through the real services (for tests that need
 * a coded project: analysis, review, exports). Evidence quotes are found in the real texts.
 */
export function codeSeedArticles(ctx: AppContext, db: Db): string[] {
  const doc = (file: string) => db.prepare('SELECT id, text FROM documents WHERE path LIKE ?').get(`%${file}%`) as { id: string; text: string };
  const person = (name: string, countryCode: string | null) => actors.save(ctx, { actor: { kind: 'person', name, aliases: [], countryCode, roles: [], notes: '' } }).actor.id;
  const country = (code: string) => actors.country(ctx, { countryCode: code }).id;
  const nato = actors.save(ctx, { actor: { kind: 'organisation', name: 'NATO', aliases: ['North Atlantic Treaty Organization'], countryCode: null, roles: [], notes: '' } }).actor.id;
  const araji = person('Qasim al-Araji', 'IRQ');
  const make = (file: string, quote: string, e: Omit<EngagementInput, 'sources' | 'evidence' | 'notes' | 'confidence' | 'outcomes'> & { outcomes?: string[] }) => {
    const d = doc(file);
    const start = d.text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in ${file}`);
    return engagements.saveEngagement(ctx, {
      outcomes: [],
      notes: '',
      confidence: 'high',
      ...e,
      sources: [{ documentId: d.id, primary: true }],
      evidence: [{ documentId: d.id, field: 'type', start, end: start + quote.length, quote }],
    }).engagement.id;
  };
  const day = (value: string | null) => (value ? { value, precision: 'day' as const, inferred: false } : { value: null, precision: 'unknown' as const, inferred: false });
  const p = (actorId: string, role: string, sideId: string | null, title: string | null = null) => ({ actorId, role, sideId, title });
  return [
    make('000_', 'met with', {
      type: 'CONSULT', mode: 'visit', date: day(null), place: 'Baghdad', countryCode: 'IRQ', status: 'coded', topics: ['counter-terrorism'],
      participants: [p(person('Hussein Moallim', 'SOM'), 'visitor', country('SOM'), 'National Security Adviser'), p(araji, 'host', country('IRQ'), 'National Security Adviser')],
    }),
    make('001_', 'a meeting between', {
      type: 'CONSULT', mode: 'visit', date: day(null), place: 'Baghdad', countryCode: 'IRQ', status: 'coded', topics: ['border-security', 'intelligence-sharing'], outcomes: ['mou-proposed'],
      participants: [p(person('Abdul Amir Al-Shammari', 'IRQ'), 'host', country('IRQ'), 'Interior Minister'), p(person('Abdullahi Sheikh Ismail', 'SOM'), 'visitor', country('SOM'), 'Interior Minister')],
    }),
    make('002_', 'He met Iraqi President Barham Salih', {
      type: 'CONSULT', mode: 'visit', date: day('2020-03-08'), place: 'Baghdad', countryCode: 'IRQ', status: 'coded', topics: ['counter-terrorism'],
      participants: [p(person('Ali Shamkhani', 'IRN'), 'visitor', country('IRN')), p(person('Barham Salih', 'IRQ'), 'host', country('IRQ'), 'President')],
    }),
    make('003_', 'virtual meeting', {
      type: 'CONSULT', mode: 'video', date: day('2023-04-04'), place: null, countryCode: null, status: 'coded', topics: ['training-advisory'],
      participants: [p(person('Thomas Goffus', null), 'participant', nato, 'Deputy Secretary General for Operations'), p(araji, 'participant', country('IRQ'))],
    }),
    make('003_', 'received an invitation to visit the NATO headquarters', {
      type: 'AGREE', mode: null, date: day('2023-04-04'), place: 'Brussels', countryCode: 'BEL', status: 'coded', topics: [], outcomes: ['invitation-extended'],
      participants: [p(araji, 'recipient', country('IRQ')), p(nato, 'participant', nato)],
    }),
    make('004_', 'engaged in discussions', {
      type: 'CONSULT', mode: 'visit', date: day('2024-04-16'), place: 'Washington DC', countryCode: 'USA', status: 'coded', topics: ['border-security', 'drug-trafficking'],
      participants: [p(person('Mohammed Shia Al-Sudani', 'IRQ'), 'visitor', country('IRQ'), 'Prime Minister'), p(person('Alejandro Mayorkas', 'USA'), 'host', country('USA'), 'Secretary of Homeland Security')],
    }),
  ];
}
