/**
 * Officials named with their titles, the way wire copy writes them:
 *   [side] TITLE[,] NAME      "Iraqi Interior Minister Abdul Amir Al-Shammari",
 *                             "NATO's Deputy Secretary General for Operations, Thomas Goffus",
 *                             "Secretary of Iran’s Supreme National Security Council (SNSC) Ali Shamkhani"
 *   [rank] NAME, the TITLE    "General Giovanni Maria Iannucci, the Commander of the NATO Mission in Iraq"
 *   side counterpart, NAME    "his Somali counterpart, Abdullahi Sheikh Ismail" (the title of the
 *                             official just named, as the article means it)
 * A title is a head noun (Minister, Adviser, Secretary ...) widened left over modifiers and domain
 * words (Deputy, Prime, National Security) and right over an "of/for" complement (of Homeland
 * Security, for Operations). The word lists decide where a title stops and a name starts, which
 * capitalisation alone cannot ("Secretary of State Antony Blinken").
 */
import type { GazetteerHit } from './gazetteer';
import { isArticle } from './names';
import type { KnownOrganisation } from './organisations';
import { gapBefore, isPossessive, joinsName, type Token, wordKey } from './text-tokens';

export interface TitledPerson {
  /** UTF-16 offsets of the whole phrase, side and rank included. */
  start: number;
  end: number;
  /** The title as written ("Deputy Secretary General for Operations"), if the text gives one. */
  title?: string;
  name: string;
  /** Country codes of the side: one, or the candidates of an ambiguous demonym. */
  countryCodes: readonly string[];
  organisation?: KnownOrganisation;
}

const words = (list: string): Set<string> => new Set(list.split(/\s+/).map(wordKey));

const HEADS = words(`minister president premier adviser advisor secretary undersecretary commander ambassador
  director chief head chairman chairwoman chairperson speaker king queen emir prince sultan chancellor governor
  mayor envoy representative spokesman spokeswoman spokesperson commissioner consul counsellor counselor
  coordinator inspector leader senator judge attorney attache counterpart`);
// Military ranks read as titles only when capitalised ("General Iannucci", not "in general").
const RANKS = words('general colonel lieutenant captain brigadier admiral marshal major commodore');
const ACRONYM_HEADS = words('PM FM');
// May stay lower-case inside a capitalised title ("acting Prime Minister").
const LOWER_MODIFIERS = words('acting interim former outgoing');
const MODIFIERS = words('acting interim former outgoing deputy vice first assistant senior chief prime crown special permanent under lt brig gen maj col');
const DOMAIN = words(`interior defence defense foreign affairs state homeland security national justice finance health
  intelligence operations operation political public economy economic trade energy oil internal home external
  information supreme council service services forces force army navy naval air police armed staff joint mission
  counter terrorism counterterrorism border borders guard command development international relations agriculture
  education transport planning immigration migration emergency emergencies ministry department agency office committee
  cabinet republic commission military parliament parliamentary house senate coalition cooperation presidential
  federal regional government environment water electricity communications technology culture religious endowments
  youth sports labour labor social human rights legal tourism industry commerce investment treasury customs
  peacekeeping peace bureau directorate crisis cyber protection civil aviation maritime coast strategic policy
  logistics training general chiefs assembly court`);
// Capitalised words that begin sentences or name days, never a person. Keys collapse doubled
// letters, so a word whose key is a name part must not be listed ("All" would become "al").
const NOT_NAMES = words(`the a an in on at by for from with to of and but or as he she it they we i his her its their
  our this that these those also after before during while when where since said says mr mrs ms dr both each
  some many according monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december today yesterday however meanwhile earlier later`);
const NAME_PARTICLES = words('al el bin ibn bint abu de da di del der van von le la ul ud');
const COMPLEMENT_START = words('of for');
const COMPLEMENT_GLUE = words('the and of for on');
const SPACE = /^[ \t\u00a0]+$/;
const HYPHEN = /^[-‐]$/;
const NAME_GAP_AFTER_TITLE = /^,?[ \t\u00a0]+$/;
const APPOSITIVE_GAP = /^,[ \t\u00a0]+$/;
const MAX_NAME_TOKENS = 7;

interface Side {
  countryCodes: readonly string[];
  organisation?: KnownOrganisation;
}

interface TitleSpan {
  first: number;
  last: number;
  /** Offset just past the title (a closing parenthesis of "(SNSC)" included). */
  endOffset: number;
  complementSide: Side;
}

function sideOf(hit: GazetteerHit | undefined): Side | null {
  if (!hit) return null;
  if (hit.entry.kind === 'organisation') {
    const { organisation } = hit.entry;
    return { countryCodes: organisation.countryCode ? [organisation.countryCode] : [], organisation };
  }
  return { countryCodes: hit.entry.codes };
}

class TitleFinder {
  private readonly hitAt = new Map<number, GazetteerHit>();
  private readonly hitEndingAt = new Map<number, GazetteerHit>();

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    hits: readonly GazetteerHit[],
  ) {
    for (const hit of hits) {
      this.hitAt.set(hit.first, hit);
      const previous = this.hitEndingAt.get(hit.last);
      if (!previous || previous.first > hit.first) this.hitEndingAt.set(hit.last, hit);
    }
  }

  find(): TitledPerson[] {
    const found: TitledPerson[] = [];
    let consumedUntil = -1;
    for (let h = 0; h < this.tokens.length; h++) {
      if (h <= consumedUntil || !this.isHead(h)) continue;
      const title = this.parseTitle(h);
      consumedUntil = title.last;
      const person = this.forward(title, found) ?? this.appositive(title);
      if (person) found.push(person);
    }
    return found;
  }

  private gap(i: number): string {
    return gapBefore(this.text, this.tokens, i);
  }

  private tokenLength(i: number): number {
    return this.tokens[i].end - this.tokens[i].start;
  }

  private isHead(i: number): boolean {
    const t = this.tokens[i];
    if (t.caps) return ACRONYM_HEADS.has(t.key);
    return HEADS.has(t.key) || (t.upper && RANKS.has(t.key));
  }

  private parseTitle(h: number): TitleSpan {
    const { tokens } = this;
    const upper = tokens[h].upper;
    let last = h;
    // "Secretary General", "Secretary-General", "Director General".
    while (last + 1 < tokens.length && this.joinsWord(last + 1) && tokens[last + 1].upper === upper) {
      const next = tokens[last + 1];
      if (!HEADS.has(next.key) && !RANKS.has(next.key)) break;
      last++;
    }
    let first = h;
    while (first > 0 && this.joinsWord(first)) {
      const t = tokens[first - 1];
      const modifier = !t.upper && LOWER_MODIFIERS.has(t.key);
      if (!modifier && !((DOMAIN.has(t.key) || MODIFIERS.has(t.key)) && t.upper === upper)) break;
      first--;
    }
    const complement = this.parseComplement(last);
    return { first, last: complement.last, endOffset: complement.endOffset, complementSide: complement.side };
  }

  private joinsWord(i: number): boolean {
    const gap = this.gap(i);
    return SPACE.test(gap) || HYPHEN.test(gap);
  }

  /** "of Homeland Security", "for Operations", "of Iran’s Supreme National Security Council (SNSC)". */
  private parseComplement(last: number): { last: number; endOffset: number; side: Side } {
    const { tokens } = this;
    const side: Side = { countryCodes: [] };
    let endOffset = tokens[last].end;
    const start = last + 1;
    if (start >= tokens.length || !COMPLEMENT_START.has(tokens[start].key) || !SPACE.test(this.gap(start))) {
      return { last, endOffset, side };
    }
    let cursor = start + 1;
    let afterIn = false;
    let contentLast = last;
    while (cursor < tokens.length) {
      const gap = this.gap(cursor);
      const t = tokens[cursor];
      if (/^[ \t\u00a0]*\($/.test(gap) && t.caps && this.text[t.end] === ')') {
        // A parenthesised acronym of what was just named: "(SNSC)".
        contentLast = cursor;
        endOffset = t.end + 1;
        cursor++;
        continue;
      }
      if (!SPACE.test(gap)) break;
      const hit = this.hitAt.get(cursor);
      const usable = hit && (hit.entry.kind === 'country' || hit.entry.kind === 'organisation' || (!afterIn && hit.entry.kind === 'demonym'));
      if (hit && usable) {
        // Whose title it is: the first country and organisation named, not a place after "in".
        if (!afterIn) {
          if (hit.entry.kind === 'organisation') side.organisation ??= hit.entry.organisation;
          else if (side.countryCodes.length === 0) side.countryCodes = hit.entry.codes;
        }
        contentLast = hit.last;
        cursor = hit.last + 1;
        if (isPossessive(this.text, tokens, cursor)) contentLast = cursor++;
        endOffset = tokens[contentLast].end;
        continue;
      }
      if (DOMAIN.has(t.key) && !t.caps) {
        contentLast = cursor;
        endOffset = t.end;
        cursor++;
        continue;
      }
      if (COMPLEMENT_GLUE.has(t.key) && !t.upper) {
        cursor++;
        continue;
      }
      if (t.key === 'in' && !t.upper) {
        afterIn = true;
        cursor++;
        continue;
      }
      break;
    }
    return { last: contentLast, endOffset, side };
  }

  /** The side written before the title: "Somalia’s", "Iraqi", "US", "NATO's". */
  private prefixSide(first: number): { side: Side; start: number; firstToken: number } | null {
    const p = first - 1;
    if (p >= 1 && isPossessive(this.text, this.tokens, p) && SPACE.test(this.gap(first))) {
      const hit = this.hitEndingAt.get(p - 1);
      const side = sideOf(hit);
      if (hit && side) return { side, start: hit.start, firstToken: hit.first };
    }
    if (p >= 0) {
      const hit = this.hitEndingAt.get(p);
      // Measured from the hit's end: "U.S." keeps its final dot, which is not a token.
      if (hit && hit.entry.kind !== 'capital' && SPACE.test(this.slice(hit.end, this.tokens[first].start))) {
        const side = sideOf(hit);
        if (side) return { side, start: hit.start, firstToken: hit.first };
      }
    }
    return null;
  }

  private isNameWord(i: number): boolean {
    const t = this.tokens[i];
    if (!t.upper || t.caps || NOT_NAMES.has(t.key) || DOMAIN.has(t.key) || HEADS.has(t.key) || RANKS.has(t.key)) return false;
    const hit = this.hitAt.get(i);
    return !hit;
  }

  private isParticle(i: number): boolean {
    const t = this.tokens[i];
    if (t.upper) return false;
    if (NAME_PARTICLES.has(t.key)) return true;
    return i + 1 < this.tokens.length && isArticle(t.key, this.gap(i + 1));
  }

  private nameForward(i: number): { first: number; last: number } | null {
    let lastName = -1;
    for (let j = i; j < this.tokens.length && j - i < MAX_NAME_TOKENS; j++) {
      if (j > i && !joinsName(this.gap(j), this.tokenLength(j - 1))) break;
      if (this.isNameWord(j)) lastName = j;
      else if (!this.isParticle(j)) break;
    }
    return lastName >= i ? { first: i, last: lastName } : null;
  }

  private nameBackward(last: number): { first: number; last: number } | null {
    if (last < 0 || !this.isNameWord(last)) return null;
    let first = last;
    while (first > 0 && last - first + 1 < MAX_NAME_TOKENS && joinsName(this.gap(first), this.tokenLength(first - 1))) {
      if (!this.isNameWord(first - 1) && !this.isParticle(first - 1)) break;
      first--;
    }
    // A lower-case particle starts a name only when hyphenated to it ("al-Araji").
    while (first < last && !this.tokens[first].upper && !HYPHEN.test(this.gap(first + 1))) first++;
    return { first, last };
  }

  private slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  private titleText(title: TitleSpan): string {
    return this.slice(this.tokens[title.first].start, title.endOffset);
  }

  private merge(prefix: Side | undefined, complement: Side): Side {
    return {
      countryCodes: prefix?.countryCodes.length ? prefix.countryCodes : complement.countryCodes,
      organisation: prefix?.organisation ?? complement.organisation,
    };
  }

  /** TITLE NAME, with the side before the title. */
  private forward(title: TitleSpan, earlier: readonly TitledPerson[]): TitledPerson | null {
    const n = title.last + 1;
    if (n >= this.tokens.length) return null;
    if (!NAME_GAP_AFTER_TITLE.test(this.slice(title.endOffset, this.tokens[n].start))) return null;
    const name = this.nameForward(n);
    if (!name) return null;
    const prefix = this.prefixSide(title.first);
    const side = this.merge(prefix?.side, title.complementSide);
    const start = prefix?.start ?? this.tokens[title.first].start;
    const isCounterpart = title.first === title.last && this.tokens[title.first].key === 'counterpart';
    // "his Somali counterpart": the office is the one just named in the same paragraph.
    const titleText = isCounterpart ? this.counterpartTitle(start, earlier) : this.titleText(title);
    return {
      start,
      end: this.tokens[name.last].end,
      title: titleText,
      name: this.slice(this.tokens[name.first].start, this.tokens[name.last].end),
      countryCodes: side.countryCodes,
      organisation: side.organisation,
    };
  }

  private counterpartTitle(start: number, earlier: readonly TitledPerson[]): string | undefined {
    const previous = earlier[earlier.length - 1];
    if (!previous || this.slice(previous.end, start).includes('\n')) return undefined;
    return previous.title;
  }

  /** NAME, [the] [side] TITLE — with a rank before the name kept in the span ("General"). */
  private appositive(title: TitleSpan): TitledPerson | null {
    const prefix = this.prefixSide(title.first);
    let lead = prefix ? prefix.firstToken : title.first;
    if (lead > 0 && ['the', 'a', 'an'].includes(this.tokens[lead - 1].key) && SPACE.test(this.gap(lead))) lead--;
    if (lead < 1 || !APPOSITIVE_GAP.test(this.gap(lead))) return null;
    const name = this.nameBackward(lead - 1);
    if (!name) return null;
    let start = this.tokens[name.first].start;
    const before = name.first - 1;
    if (before >= 0 && this.tokens[before].upper && this.isHead(before) && SPACE.test(this.gap(name.first))) {
      start = this.tokens[before].start;
    }
    const side = this.merge(prefix?.side, title.complementSide);
    return {
      start,
      end: title.endOffset,
      title: this.titleText(title),
      name: this.slice(this.tokens[name.first].start, this.tokens[name.last].end),
      countryCodes: side.countryCodes,
      organisation: side.organisation,
    };
  }
}

/** Every titled person in a tokenized text, given the gazetteer hits of the same tokens. */
export function findTitledPersons(text: string, tokens: readonly Token[], hits: readonly GazetteerHit[]): TitledPerson[] {
  return new TitleFinder(text, tokens, hits).find();
}
