/**
 * Writes the importer test fixtures in this folder. The outputs are committed, so tests never
 * need this script; run it again only to change a fixture:
 *   npx tsx electron/importers/__fixtures__/make-fixtures.ts
 * `encrypted.pdf` needs `qpdf` (Debian package qpdf); without it that file is left as it is.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';

const here = dirname(fileURLToPath(import.meta.url));
const out = (name: string, data: string | Uint8Array): void => writeFileSync(join(here, name), data);

// ---- Encodings -------------------------------------------------------------------------------

const western =
  'Minister’s visit to Brussels\n\n' +
  'BRUSSELS (Liaison Wire) - The minister said “we will deepen cooperation” during talks on Tuesday.\n' +
  'The package is worth €25 million – a café-table deal, officials joked.\n';
out('cp1252.txt', iconv.encode(western.replace(/\n/g, '\r\n'), 'windows-1252'));

const arabic =
  'الأعرجي يستقبل وفداً صومالياً في بغداد\n\n' +
  'استقبل مستشار الأمن القومي العراقي قاسم الأعرجي، اليوم الثلاثاء، في بغداد وفد الصومال برئاسة مستشار الأمن القومي حسين معلم، ' +
  'وبحث الجانبان سبل تعزيز التعاون الأمني بين البلدين ومكافحة الإرهاب وتبادل المعلومات.\n' +
  'وقال بيان لمكتب الأعرجي إن اللقاء تناول أيضاً تدريب القوات الأمنية وتبادل الخبرات.\n';
out('cp1256-arabic.txt', iconv.encode(arabic, 'windows-1256'));

const utf16Text =
  'Iraq and Jordan sign border security memorandum\n\n' +
  'Amman - Interior ministers of Iraq and Jordan signed a memorandum on border security on 12 March 2024.\n' +
  'قال الوزير إن التعاون مستمر.\n';
out('utf16le-bom.txt', iconv.encode(utf16Text, 'utf-16le', { addBOM: true }));
out('utf16le-nobom.txt', iconv.encode(utf16Text, 'utf-16le'));
out('utf16be-bom.txt', iconv.encode(utf16Text, 'utf-16be', { addBOM: true }));
out('utf32le-bom.txt', iconv.encode(utf16Text, 'utf-32le', { addBOM: true }));
out('utf8-bom.txt', iconv.encode('Café talks in Baghdad\r\n\r\nThe delegations met in Baghdad on Monday.\r\n', 'utf-8', { addBOM: true }));
out('empty.txt', '  \n\n\t  \r\n');
out('control-junk.txt', 'Officials met in Baghdad.\nThe bell\u0007 rang twice\u0007 before the talks.\n');

// Deterministic noise with NULs: what a mis-named image or archive looks like.
const junk = new Uint8Array(2048);
let seed = 12345;
for (let i = 0; i < junk.length; i++) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  junk[i] = i % 7 === 0 ? 0 : seed >>> 23;
}
out('binary-junk.txt', junk);

out(
  'article.md',
  '---\ntitle: "Somalia and Iraq agree on intelligence sharing"\ndate: 2024-02-19\n---\n\n' +
    '# Somalia and Iraq agree on intelligence sharing\n\n' +
    'Mogadishu - Somali and Iraqi security chiefs agreed on Monday to share intelligence on armed groups.\n',
);

// ---- HTML --------------------------------------------------------------------------------------

const paragraphs = [
  'BAGHDAD — Iraq’s national security adviser Qasim al-Araji received an invitation on Tuesday to visit NATO headquarters in Brussels.',
  'The invitation was delivered by the head of the NATO mission in Iraq, who said the alliance wants to deepen its training and advisory work with Iraqi forces.',
  'Al-Araji stressed Iraq’s need to strengthen its cybersecurity infrastructure, describing it as “a crucial domain that requires continuous monitoring”.',
  'The NATO mission in Iraq was launched in 2018 at the request of the Iraqi government and does not take part in combat operations.',
];
out(
  'article.html',
  `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Iraq's NSA invited to NATO talks | Example Herald</title>
<meta property="og:title" content="Iraq's national security adviser invited to Brussels for NATO talks">
<meta property="og:site_name" content="Example Herald">
<meta property="og:url" content="https://herald.example/world/iraq-nato-invitation">
<meta property="article:published_time" content="2023-04-04T19:04:00+03:00">
<meta name="author" content="Layla Hassan">
<link rel="canonical" href="https://herald.example/world/iraq-nato-invitation">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Iraq NSA invited to NATO","datePublished":"2023-04-04T19:04:00+03:00","publisher":{"@type":"Organization","name":"Example Herald"}}</script>
<style>.share { display: flex; } body { font-family: serif; }</style>
<script>window.tracking = function () { return "do not import me"; };</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/middle-east">Middle East</a></nav></header>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<main>
<article>
<h1>Iraq's national security adviser invited to Brussels for NATO talks</h1>
<p class="byline">By Layla Hassan</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<p>Officials said the visit could take place<br>before the summer.</p>
</article>
</main>
<aside><h3>Most read</h3><ul><li><a href="/a">Unrelated story one</a></li><li><a href="/b">Unrelated story two</a></li></ul></aside>
<footer><p>© 2023 Example Herald. All rights reserved.</p><script>console.log("footer script")</script></footer>
</body>
</html>
`,
);

const arabicHtml = `<html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>الأعرجي يستقبل وفداً صومالياً</title></head><body><article>
<h1>الأعرجي يستقبل وفداً صومالياً</h1>
${arabic
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => `<p>${l} ${l}</p>`)
  .join('\n')}
</article></body></html>`;
out('article-cp1256.html', iconv.encode(arabicHtml, 'windows-1256'));

// ---- PDF ---------------------------------------------------------------------------------------

/** A minimal PDF with correct xref offsets: objects are numbered from 1 in the order given. */
function buildPdf(objects: string[], info?: number): Uint8Array {
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return iconv.encode(body, 'latin1');
}

function stream(content: string): string {
  return `<< /Length ${iconv.encode(content, 'latin1').length} >>\nstream\n${content}\nendstream`;
}

/** Text lines at absolute positions; `\222` is ’ in WinAnsiEncoding. */
function textOps(lines: Array<[size: number, y: number, text: string]>): string {
  return lines
    .map(([size, y, text]) => `BT /F1 ${size} Tf 72 ${y} Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n')
    .replace(/’/g, '\\222');
}

const page1 = textOps([
  [18, 720, 'Iraq and NATO discuss training mission'],
  [11, 690, 'Baghdad (Liaison Wire) - Iraq’s national security adviser met the head of the'],
  [11, 676, 'NATO mission on Tuesday to discuss training for Iraqi forces.'],
  [11, 648, 'Both sides agreed to expand advisory work in the coming year.'],
]);
const page2 = textOps([[11, 720, 'The mission does not take part in combat operations, officials said.']]);
const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
out(
  'article.pdf',
  buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>',
      stream(page1),
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> /Contents 6 0 R >>',
      stream(page2),
      font,
      "<< /Title (Iraq and NATO discuss training mission) /Author (Liaison Test Desk) /CreationDate (D:20230404190400+03'00') >>",
    ],
    8,
  ),
);

// A "scan": the page paints a grey image and a frame, and holds no text at all.
const scan = `q 200 0 0 260 72 460 cm BI /W 4 /H 4 /CS /G /BPC 8 ID ${'\x80'.repeat(16)} EI Q\n0 0 0 RG 70 458 204 264 re S`;
out(
  'scanned.pdf',
  buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream(scan),
  ]),
);

// Truncated mid-file and without xref or trailer, as an interrupted download leaves it.
out('broken.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa');

try {
  execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', join(here, 'article.pdf'), join(here, 'encrypted.pdf')]);
} catch (error) {
  console.warn(`encrypted.pdf not rebuilt (is qpdf installed?): ${String(error)}`);
}

// ---- DOCX --------------------------------------------------------------------------------------

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const docxParagraphs = [
  'Kenya and Somalia hold talks on border security',
  '4 April 2023',
  'Nairobi (Liaison Wire) - Kenyan and Somali defence officials met in Nairobi to discuss joint patrols along the border.',
  'They agreed to set up a joint committee on intelligence sharing.',
];
const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${docxParagraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('\n')}
</w:body></w:document>`;

async function writeDocx(): Promise<void> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', documentXml);
  // Fixed dates keep the bytes identical between runs.
  zip.forEach((_path, file) => {
    file.date = new Date(Date.UTC(2024, 0, 1));
  });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  out('article.docx', bytes);
  out('broken.docx', bytes.subarray(0, Math.floor(bytes.length / 2)));
}

// ---- E-mail ------------------------------------------------------------------------------------

out(
  'article.eml',
  [
    'From: "Liaison Alerts" <alerts@wire.example>',
    'To: analyst@example.org',
    'Subject: Fwd: =?UTF-8?Q?Iraq=E2=80=99s_NSA_meets_Somali_counterpart?=',
    'Date: Mon, 19 Feb 2024 09:30:00 +0300',
    'Message-ID: <fixture-1@wire.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Baghdad (Liaison Wire) - Iraq=E2=80=99s national security adviser Qasim al-Araj=',
    'i met his Somali counterpart Hussein Moallim in Baghdad on Monday to discuss =',
    'counter-terrorism cooperation.',
    '',
    'The two sides agreed to exchange expertise =E2=80=9Cwithout delay=E2=80=9D.',
    '',
  ].join('\r\n'),
);

const htmlMail = '<html><body><h2>Daily brief</h2><p>Turkey and Iraq discussed water and security in Ankara.</p><script>x()</script></body></html>';
out(
  'html-only.eml',
  [
    'From: brief@desk.example',
    'Subject: Daily brief',
    'Date: Tue, 20 Feb 2024 07:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(htmlMail).toString('base64').match(/.{1,76}/g) ?? []),
    '',
  ].join('\r\n'),
);

// ---- JSON --------------------------------------------------------------------------------------

out(
  'articles.json',
  `${JSON.stringify(
    {
      status: 'ok',
      articles: [
        {
          source: { id: null, name: 'Example Herald' },
          author: 'Layla Hassan',
          title: 'Iraq and Iran discuss border security',
          url: 'https://herald.example/iraq-iran-border',
          publishedAt: '2023-05-02T08:15:00Z',
          content: 'Iraqi and Iranian officials met in Tehran to discuss border security.',
        },
        { headline: 'Photo gallery: Baghdad at night', url: 'https://herald.example/gallery' },
        {
          Headline: 'Somalia, Turkey sign defence deal',
          Body: ['Somalia and Turkey signed a defence agreement.', 'The deal covers naval training.'],
          Date: 1700000000,
          Site: 'Wire Example',
          Lang: 'en-US',
        },
      ],
    },
    null,
    2,
  )}\n`,
);

const jsonl = [
  { title: 'Jordan hosts regional security meeting', maintext: 'Jordan hosted security chiefs from Iraq and Egypt in Amman.', date_publish: '2024-01-15 10:00:00', source_domain: 'wire.example', authors: ['A. Writer', 'B. Writer'], url: 'https://wire.example/1' },
  { title: 'Egypt and Iraq renew energy pact', text: 'Egypt and Iraq renewed their oil-for-services agreement.', published: 'January 20, 2024', link: 'https://wire.example/2' },
];
out('articles.jsonl', `${jsonl.map((r) => JSON.stringify(r)).join('\n')}\n`);
out('malformed.jsonl', `${JSON.stringify(jsonl[0])}\n{"title": "cut off", "text": "unterminated\n${JSON.stringify(jsonl[1])}\n`);
out('malformed.json', '[\n  {"title": "ok", "text": "fine"},\n  {"title": "bad" "text": "missing comma"}\n]\n');
out('no-text.json', `${JSON.stringify([{ title: 'Only a title' }, { headline: 'Another', url: 'https://x.example' }])}\n`);

await writeDocx();
console.log('fixtures written to', here);
