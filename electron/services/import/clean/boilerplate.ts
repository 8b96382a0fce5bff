/**
 * Boilerplate left behind by scrapers: share strips, comment forms, "Back to top", crumbs, image
 * file names, counters. Marked, never deleted (see STYLE.md "Text, offsets, evidence").
 *
 * Almost every rule matches a WHOLE trimmed line and only short lines, because the cost of a false
 * positive (hiding an analyst's evidence) is far higher than leaving some chrome visible. The one
 * inline rule (credit fragments) needs a `|` inside parentheses, which prose does not produce.
 */
import type { TextRange } from '../../../../shared/model/document';
import { nonBlankLines, type Span } from './text-lines';

export { type BatchDoc, type BatchRepeatOptions, findBatchRepeats, groupRepeats, type LineTable, lineTable } from './batch-repeats';

/** Lines longer than this are never boilerplate by a line rule: chrome is short. */
const MAX_RULE_LINE_CHARS = 250;

interface LineRule {
  label: string;
  re: RegExp;
}

/** Whole-line rules, tested on the trimmed line. Order matters only for the label chosen. */
const LINE_RULES: readonly LineRule[] = [
  {
    label: 'back-to-top',
    re: /^(?:[↑⬆^]\s*)?(?:back to top(?: button)?|scroll to top|go to top|return to top|top of page)\s*[↑⬆]?$/iu,
  },
  {
    label: 'sponsored',
    re: /^(?:sponsored(?: links?| content| stories| posts?| ads?)?|advertisements?|advertising|ads?|promoted(?: content| stories)?|paid (?:content|post)|partner content)\s*:?$/i,
  },
  {
    label: 'related',
    re: /^(?:related(?: articles| posts| stories| news| content| topics| coverage| items)?|see also|more stories|more news|you may (?:also )?like|you might (?:also )?like|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed)|trending(?: now| stories)?|latest news|top stories|more from [\p{L} .'’-]{1,40})\s*:?$/iu,
  },
  {
    // "Read more" alone, or a teaser link to another article ("Read also: <headline>").
    label: 'read-more',
    re: /^(?:read (?:more|also|next)|also read|continue reading)(?:\s*(?:[:|»›>-]|…|\.\.\.)\s*.{0,200})?$/iu,
  },
  { label: 'share-buttons', re: /^print friendly,? pdf (?:&|and) email$/i },
  {
    label: 'follow',
    re: /^(?:follow us(?: on [\p{L} +&,]{1,60})?|subscribe to our (?:newsletter|channel|youtube channel)|sign up (?:for|to) our newsletter|join our (?:telegram|whatsapp)(?: channel| group)?|download our app)[\s.!:]*(?:@\S{1,40})?$/iu,
  },
  {
    // "Copyright" alone starts real sentences ("Copyright law ..."), so demand the sign or a year.
    label: 'copyright',
    re: /^(?:(?:©|\(c\))\s*.{0,150}|copyright\s*(?:©|\(c\)|\d{4}).{0,150}|all rights reserved\.?)$/iu,
  },
  {
    label: 'image-name',
    re: /^(?:https?:\/\/\S{1,300}|[\w\-.()~%+ ]{1,150})\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|avif|heic)(?:\?\S{0,200})?$/i,
  },
  {
    label: 'counter',
    re: /^(?:\d{1,6}|\d[\d,.]{0,9}\s*k?\s*(?:comments?|views?|shares?|likes?|reads?)|no comments|\d{1,3}\s*min(?:ute)?s?\s*read)$/i,
  },
];

// --- share strips --------------------------------------------------------------------------------

const SOCIAL = new Set([
  'facebook',
  'twitter',
  'x',
  '(x)',
  'instagram',
  'whatsapp',
  'telegram',
  'email',
  'e-mail',
  'print',
  'linkedin',
  'pinterest',
  'reddit',
  'tumblr',
  'vk',
  'vkontakte',
  'messenger',
  'viber',
  'skype',
  'pocket',
  'youtube',
  'tiktok',
  'snapchat',
  'flipboard',
  'mastodon',
  'bluesky',
  'threads',
  'weibo',
  'wechat',
  'sms',
]);
/** Words that only ever surround share buttons; never enough on their own (no SOCIAL word). */
const SHARE_FILLER = new Set([
  'share',
  'shares',
  'tweet',
  'on',
  'via',
  'this',
  'article',
  'story',
  'post',
  'page',
  'with',
  'to',
  'click',
  'opens',
  'in',
  'new',
  'window',
  'copy',
  'link',
  'more',
]);
const SHARE_ACTIONS = new Set(['share', 'tweet']);
/** Function words allowed in a site name ("Voice of America"). */
const NAME_JOINERS = new Set(['of', 'the', 'and', 'for', 'de', 'al', 'el', '&', '-', '–', '—', '|', ':', '·']);
const TOKEN_SPLIT = /[\s|·•/,]+/u;
const STRIP_EDGE_PUNCT = /^[:"“”'’]+|[:"“”'’]+$/gu;
const WS_OR_PIPE_SPLIT = /[\s|·•]+/u;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;

function isShareStrip(line: string): boolean {
  // A strip made only of button words: "WhatsApp Telegram Email Print", "Share on Facebook".
  const tokens = line.toLowerCase().split(TOKEN_SPLIT).filter(Boolean);
  if (tokens.length > 0 && tokens.length <= 24) {
    let hasAnchor = false;
    let allButtons = true;
    for (const raw of tokens) {
      const t = raw === '(x)' ? raw : raw.replace(STRIP_EDGE_PUNCT, '');
      if (SOCIAL.has(t) || SHARE_ACTIONS.has(t)) hasAnchor = true;
      else if (!SHARE_FILLER.has(t)) {
        allButtons = false;
        break;
      }
    }
    if (allButtons && hasAnchor) return true;
  }
  // Buttons followed by the site's name: "Facebook Twitter (X) Instagram Somali Magazine - People's
  // Magazine". Demand 3+ leading buttons without commas (prose lists them with commas/"and") and a
  // tail that reads like a name, not a sentence.
  if (line.includes(',')) return false;
  const words = line.split(WS_OR_PIPE_SPLIT).filter(Boolean);
  let lead = 0;
  while (lead < words.length && SOCIAL.has(words[lead].toLowerCase())) lead++;
  if (lead < 3) return false;
  const tail = words.slice(lead);
  if (tail.length > 8) return false;
  const last = tail.at(-1);
  if (last && /[.!?]$/.test(last)) return false;
  return tail.every((w) => CAPITALISED.test(w) || NAME_JOINERS.has(w.toLowerCase()));
}

// --- comment forms -------------------------------------------------------------------------------

/** Lines that open a comment section. */
const COMMENT_HEAD =
  /^(?:leave a (?:reply|comment)(?: cancel reply)?|post a comment|add a comment|write a comment|join the (?:discussion|conversation)|\d{0,6}\s*comments?|cancel reply)$/i;
/** Form lines that are unmistakable on their own. */
const COMMENT_STRONG =
  /^(?:comments are closed\.?|you must be logged in to post a comment\.?|your email address will not be published\.?(?:\s*required fields are marked \*)?|required fields are marked \*|save my name,? email,? and website in this browser for the next time i comment\.?|notify me of (?:follow-up comments|new posts) (?:by|via) email\.?|this site uses akismet to reduce spam\..{0,80})$/i;
/** Form labels that are only boilerplate next to the lines above ("Name *", "Website"). */
const COMMENT_WEAK = /^(?:comment|name|email|e-mail|website|post comment|submit comment|submit|δ)\s*\*?$/i;

function commentBlocks(text: string, lines: Span[], out: TextRange[]): Set<number> {
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].end - lines[i].start > MAX_RULE_LINE_CHARS) continue;
    const first = text.slice(lines[i].start, lines[i].end);
    if (!COMMENT_HEAD.test(first) && !COMMENT_STRONG.test(first)) continue;
    let j = i;
    let strongSeen = COMMENT_STRONG.test(first);
    while (j + 1 < lines.length && lines[j + 1].end - lines[j + 1].start <= MAX_RULE_LINE_CHARS) {
      const next = text.slice(lines[j + 1].start, lines[j + 1].end);
      const strong = COMMENT_STRONG.test(next);
      if (!strong && !COMMENT_HEAD.test(next) && !COMMENT_WEAK.test(next)) break;
      strongSeen ||= strong;
      j++;
    }
    // A bare "Comments" or "3 Comments" heading could title a real section; it counts only when
    // the form text follows, or when it is the well-known "Leave a Reply" itself.
    if (!strongSeen && !/^leave a (?:reply|comment)/i.test(first)) continue;
    out.push({ kind: 'boilerplate', start: lines[i].start, end: lines[j].end, label: 'comment-prompt' });
    for (let k = i; k <= j; k++) used.add(k);
    i = j;
  }
  return used;
}

// --- crumbs ------------------------------------------------------------------------------------

const CRUMB_SEPARATOR = /[»>›/|]/u;
const CRUMB_START = /^home\s*[»>›/|]/iu;

/**
 * "Home » News » Middle East": split procedurally, because a regex of repeated
 * `separator + words + spaces` groups backtracks exponentially on near-misses.
 */
function isSeparatorCrumbs(line: string): boolean {
  if (!CRUMB_START.test(line)) return false;
  const parts = line.split(CRUMB_SEPARATOR);
  if (parts.length < 2 || parts.length > 9) return false;
  return parts.every((p) => {
    const t = p.trim();
    return t.length >= 1 && t.length <= 60 && !/[.!?]$/.test(t);
  });
}

// --- glued crumbs --------------------------------------------------------------------------------

const CRUMB_CHARS = /^[\p{L}\p{M} &'’-]+$/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/**
 * Category crumbs whose separators the scraper dropped: "IranIraqMiddle East". Every word is
 * capitalised and at least two glues (lower → upper) join pieces of ≥ 3 letters, so
 * "McDonald" or "YouTube" never qualify.
 */
function isGluedCrumbs(line: string): boolean {
  if (line.length > 80 || !CRUMB_CHARS.test(line)) return false;
  const words = line.split(' ').filter(Boolean);
  if (words.length > 6) return false;
  let strong = 0;
  let weak = 0;
  for (const w of words) {
    if (!STARTS_UPPER.test(w)) return false;
    // Split a word at each lower→upper boundary: "IranIraqMiddle" → Iran | Iraq | Middle.
    const pieces: string[] = [];
    let from = 0;
    for (let i = 1; i < w.length; i++) {
      if (LOWER.test(w[i - 1]) && UPPER.test(w[i])) {
        pieces.push(w.slice(from, i));
        from = i;
      }
    }
    pieces.push(w.slice(from));
    for (let p = 1; p < pieces.length; p++) {
      const left = pieces[p - 1].length;
      const right = pieces[p].length;
      if (left >= 4 && right >= 4) strong++;
      else if (left >= 3 && right >= 3) weak++;
    }
  }
  // One glue alone is what brand names look like ("ExxonMobil Profits Rise"): allow it only on a
  // line of at most two words ("Middle EastIraq", "PoliticsWorld").
  return strong + weak >= 2 || (strong === 1 && words.length <= 2);
}

// --- inline credits ------------------------------------------------------------------------------

/** "(ThisDay | Iraq News Now )": two short capitalised names split by a pipe inside parentheses. */
const CREDIT_INLINE = /\(\s*\p{Lu}[\p{L}\p{N} .&'’-]{0,40}?\s*\|\s*\p{Lu}[\p{L}\p{N} .&'’-]{0,40}?\s*\)/gu;

/**
 * Boilerplate ranges in one document's text, sorted by start. Each range covers the trimmed line
 * (or the block of lines for comment forms), so `text.slice(start, end)` is the chrome itself.
 */
export function findBoilerplate(text: string): TextRange[] {
  const out: TextRange[] = [];
  const lines = nonBlankLines(text);
  const inComments = commentBlocks(text, lines, out);

  for (let i = 0; i < lines.length; i++) {
    if (inComments.has(i)) continue;
    const { start, end } = lines[i];
    if (end - start > MAX_RULE_LINE_CHARS) continue;
    const line = text.slice(start, end);
    let label: string | null = null;
    for (const rule of LINE_RULES) {
      if (rule.re.test(line)) {
        label = rule.label;
        break;
      }
    }
    if (!label && isShareStrip(line)) label = 'share-buttons';
    if (!label && (isSeparatorCrumbs(line) || isGluedCrumbs(line))) label = 'crumbs';
    if (label) out.push({ kind: 'boilerplate', start, end, label });
  }

  CREDIT_INLINE.lastIndex = 0;
  for (let m = CREDIT_INLINE.exec(text); m; m = CREDIT_INLINE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Skip if a line rule already covers it (the credit sat alone on a chrome line).
    if (!out.some((r) => r.start <= start && r.end >= end)) {
      out.push({ kind: 'boilerplate', start, end, label: 'credit' });
    }
  }

  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
