import fs from 'node:fs';
import path from 'node:path';

/**
 * A synthetic corpus shaped like the real one: outlets with their own boilerplate lines,
 * datelines, officials meeting, some wire copies (exact and near duplicates), mixed lengths.
 * Deterministic for a given size, so runs compare.
 */
const OUTLETS = ['Shafaq News', 'Mogadishu24', 'Iraq News Now', 'Somali Magazine', 'Press TV', 'INA', 'Hiiraan', 'Rudaw', 'Kurdistan24', 'The New Arab'];
const PLACES = ['Baghdad', 'Mogadishu', 'Tehran', 'Washington', 'Brussels', 'Ankara', 'Doha', 'Riyadh', 'Nairobi', 'Amman'];
const PEOPLE = ['Qasim al-Araji', 'Hussein Moallim', 'Abdul Amir Al-Shammari', 'Abdullahi Sheikh Ismail', 'Ali Shamkhani', 'Barham Salih', 'Thomas Goffus', 'Mohammed Shia Al-Sudani', 'Alejandro Mayorkas', 'Falih Fayyad'];
const TOPICS = ['counter-terrorism', 'intelligence sharing', 'border security', 'drug trafficking', 'cyber security', 'training and advisory support', 'military cooperation', 'diplomatic relations'];
const WORDS = 'security cooperation ministers discussed bilateral relations strengthen partnership regional stability delegation visit meeting officials agreement memorandum understanding training exchange expertise threats extremist groups operations capacity building support mutual interest dialogue coordination framework joint committee statement office government forces mission'.split(' ');

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

export function generateCorpus(dir: string, count: number): { files: number; bytes: number } {
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(42);
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
        for (let w = 0; w < len; w++) words.push(pick(WORDS));
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
