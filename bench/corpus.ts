import fs from 'node:fs';
import path from 'node:path';

/**
 * A synthetic corpus shaped like the real one: outlets with their own boilerplate lines,
 * datelines, officials meeting, some wire copies (exact and near duplicates), mixed lengths.
 * Deterministic for a given size, so runs compare.
 *
 * The words follow Zipf's law, as the words of real news do: a few function words make up much
 * of the text, the domain's own words (security, cooperation, delegation …) are the most frequent
 * content words, and a long tail of 20,000 rarer words (made-up, pronounceable, fixed) follows, each
 * word's frequency about proportional to 1 / its rank. Version 1 drew 49 words uniformly, so every
 * article held every word and every search matched nearly all of them, which no real corpus does
 * (and which hid how the index behaves on a real vocabulary). Bump CORPUS_VERSION whenever the
 * output changes: the benches regenerate a corpus, and re-import a project, of another version.
 */
export const CORPUS_VERSION = 2;

const OUTLETS = ['Shafaq News', 'Mogadishu24', 'Iraq News Now', 'Somali Magazine', 'Press TV', 'INA', 'Hiiraan', 'Rudaw', 'Kurdistan24', 'The New Arab'];
const PLACES = ['Baghdad', 'Mogadishu', 'Tehran', 'Washington', 'Brussels', 'Ankara', 'Doha', 'Riyadh', 'Nairobi', 'Amman'];
const PEOPLE = ['Qasim al-Araji', 'Hussein Moallim', 'Abdul Amir Al-Shammari', 'Abdullahi Sheikh Ismail', 'Ali Shamkhani', 'Barham Salih', 'Thomas Goffus', 'Mohammed Shia Al-Sudani', 'Alejandro Mayorkas', 'Falih Fayyad'];
const TOPICS = ['counter-terrorism', 'intelligence sharing', 'border security', 'drug trafficking', 'cyber security', 'training and advisory support', 'military cooperation', 'diplomatic relations'];
/** The most frequent words of English news text, most frequent first. */
const FUNCTION_WORDS = 'the of and to in a said on for that with was is by at as from its has it be are were an which this have will also their after had been who not but they more or over about two into other than new would one government'.split(' ');
/** The domain's content words, most frequent first: they rank right after the function words. */
const DOMAIN_WORDS = 'security cooperation ministers discussed bilateral relations strengthen partnership regional stability delegation visit meeting officials agreement memorandum understanding training exchange expertise threats extremist groups operations capacity building support mutual interest dialogue coordination framework joint committee statement office forces mission'.split(' ');
const TAIL_WORDS = 20_000;
const SYLLABLES = 'ba be bi bo ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo da de di do ga ge gi go ha he hi ho'.split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The vocabulary in rank order and a sampler drawing a word with probability ∝ 1 / rank. */
function zipfSampler(r: () => number): () => string {
  const made = rng(7);
  const tail = new Set<string>();
  while (tail.size < TAIL_WORDS) {
    const n = 2 + Math.floor(made() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(made() * SYLLABLES.length)];
    if (!DOMAIN_WORDS.includes(w) && !FUNCTION_WORDS.includes(w)) tail.add(w);
  }
  const words = [...FUNCTION_WORDS, ...DOMAIN_WORDS, ...tail];
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cumulative[i] = sum += 1 / (i + 1);
  return () => {
    const x = r() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

export function generateCorpus(dir: string, count: number): { files: number; bytes: number } {
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(42);
  const word = zipfSampler(r);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  let bytes = 0;
  let previous = '';
  for (let i = 0; i < count; i++) {
    const outlet = OUTLETS[i % OUTLETS.length];
    let body: string;
    const roll = r();
    if (previous && roll < 0.03) {
      body = previous; // wire copy: exact duplicate
    } else if (previous && roll < 0.06) {
      body = previous.replace(/security/, 'safety').replace(/meeting/, 'talks'); // near duplicate
    } else {
      const a = pick(PEOPLE);
      const b = pick(PEOPLE);
      const paragraphs: string[] = [];
      paragraphs.push(`${pick(PLACES)}(${outlet})- ${a} met with ${b} on ${['Monday', 'Tuesday', 'Sunday'][i % 3]} to discuss ${pick(TOPICS)} and ${pick(TOPICS)}.`);
      const n = 3 + Math.floor(r() * 8);
      for (let p = 0; p < n; p++) {
        const len = 40 + Math.floor(r() * 80);
        const words: string[] = [];
        for (let w = 0; w < len; w++) words.push(word());
        words.push(`ref${i}x${p}`);
        paragraphs.push(`${words.join(' ')}.`);
      }
      body = paragraphs.join('\n\n');
      previous = body;
    }
    const text = `Facebook Twitter (X) Instagram ${outlet}\n${pick(PEOPLE)} discusses ${pick(TOPICS)} in ${pick(PLACES)} (${i})\n\n2023/0${1 + (i % 9)}/1${i % 10} | 19:04 - Source: ${outlet}\n\n${body}\n\nFollow ${outlet} on our channels for the latest news\nBack to top button\n`;
    const file = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'), `article-${String(i).padStart(6, '0')}.txt`);
    if (i % 1000 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const sub of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, sub);
    if (fs.statSync(full).isDirectory()) for (const f of fs.readdirSync(full).sort()) out.push(path.join(full, f));
  }
  return out;
}

/** The corpus of `size` articles under `work`, generated once per size and corpus version. */
export function ensureCorpus(work: string, size: number): { dir: string; bytes: number } {
  const dir = path.join(work, `corpus-v${CORPUS_VERSION}-${size}`);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return { dir, bytes: Number(fs.readFileSync(marker, 'utf8')) };
  fs.rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`generating ${size} articles in ${dir}\n`);
  const { bytes } = generateCorpus(dir, size);
  fs.writeFileSync(marker, String(bytes));
  return { dir, bytes };
}
