import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { MultipartSample } from './routes.js';
import type { Variant } from './variants.js';

/**
 * Multipart bodies written byte by byte, so that headers can carry what a browser would never send
 * (NUL, bytes that are not UTF-8) and parts can be missing, doubled or misnamed.
 */
type Part = {
  name: Buffer | string;
  fileName?: Buffer | string;
  contentType?: string;
  content: Buffer | string;
};

const BOUNDARY = 'fuzzboundary7MA4YWxkTrZu0gW';
const bytes = (value: Buffer | string) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value);

export function encodeMultipart(parts: readonly Part[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="`), bytes(part.name));
    if (part.fileName !== undefined) chunks.push(Buffer.from('"; filename="'), bytes(part.fileName));
    chunks.push(Buffer.from('"\r\n'));
    if (part.contentType !== undefined) chunks.push(Buffer.from(`Content-Type: ${part.contentType}\r\n`));
    chunks.push(Buffer.from('\r\n'), bytes(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const form = (parts: readonly Part[]): Variant['body'] => ({
  payload: encodeMultipart(parts),
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
});

const LONE_SURROGATE_UTF8 = Buffer.from([0xed, 0xa0, 0x80]);

/**
 * A workbook whose cells hold exactly `cells` as XML text: written by ExcelJS with placeholders, then
 * the placeholders replaced in the XML, because ExcelJS would clean NUL and lone surrogates itself.
 */
async function xlsxWithRawCells(cells: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Questions');
  sheet.addRow(['type', 'subject', 'chapter', 'topic', 'stem_en', 'option_a_en', 'option_b_en', 'answer']);
  cells.forEach((_, index) =>
    sheet.addRow([
      'mcq_single',
      'Physics',
      'Kinematics',
      'Projectile Motion',
      `PLACEHOLDER${index}X`,
      'yes',
      'no',
      'A',
    ]),
  );
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  for (const [name, content] of Object.entries(files)) {
    if (!name.endsWith('.xml')) continue;
    let xml = strFromU8(content);
    cells.forEach((cell, index) => (xml = xml.replaceAll(`PLACEHOLDER${index}X`, cell)));
    files[name] = strToU8(xml);
  }
  return Buffer.from(zipSync(files));
}

/** Sheets whose cells hold text PostgreSQL cannot store: each should be a row error, never a 500. */
async function sheetContents(sample: MultipartSample): Promise<[string, Buffer, string][]> {
  const csvHeader = sample.content.toString('utf8').split('\r\n')[0]!;
  const csvRow = sample.content.toString('utf8').split('\r\n')[1]!;
  // A valid row with a long solution puts the next row past the first 64 kB, which the importer
  // scans for binary data.
  const padding = [1, 2]
    .map((n) => `${csvRow.replace('Fuzz', `Padding ${n}`)},${'s'.repeat(40_000)}`)
    .join('\r\n');
  return [
    [
      'CSV with a NUL cell after 64 kB',
      Buffer.from(`${csvHeader},solution_en\r\n${padding}\r\n${csvRow.replace('Fuzz', 'a\u0000b')},s\r\n`),
      sample.fileName,
    ],
    ['CSV with a NUL header cell', Buffer.from(`${csvHeader},x\u0000y\r\n${csvRow}\r\n`), sample.fileName],
    [
      'CSV with a lone surrogate (CESU-8)',
      Buffer.concat([
        Buffer.from(`${csvHeader}\r\n`),
        Buffer.from(csvRow.replace('Fuzz', '')),
        LONE_SURROGATE_UTF8,
      ]),
      sample.fileName,
    ],
    ['XLSX with an escaped NUL cell', await xlsxWithRawCells(['a_x0000_b']), 'fuzz.xlsx'],
    ['XLSX with a NUL character reference', await xlsxWithRawCells(['a&#0;b']), 'fuzz.xlsx'],
    [
      'XLSX with lone surrogate references',
      await xlsxWithRawCells(['a&#xD800;b', '&#xDFFF;', 'a_xD800_b']),
      'fuzz.xlsx',
    ],
  ];
}

/** Hostile multipart uploads built from a route's valid upload. */
export async function multipartVariants(sample: MultipartSample): Promise<Variant[]> {
  const file = (overrides: Partial<Part> = {}): Part => ({
    name: sample.field,
    fileName: sample.fileName,
    contentType: sample.contentType,
    content: sample.content,
    ...overrides,
  });
  const variants: Variant[] = [
    { label: 'valid upload', body: form([file()]) },
    { label: 'file name with NUL', body: form([file({ fileName: `a\u0000b-${sample.fileName}` })]) },
    {
      label: 'file name with a lone surrogate (CESU-8)',
      body: form([
        file({
          fileName: Buffer.concat([Buffer.from('a'), LONE_SURROGATE_UTF8, Buffer.from(sample.fileName)]),
        }),
      ]),
    },
    {
      label: 'file name of 100 kB',
      body: form([file({ fileName: `${'n'.repeat(100_000)}${sample.fileName}` })]),
    },
    { label: 'empty file name', body: form([file({ fileName: '' })]) },
    { label: 'field name with NUL', body: form([file({ name: 'fi\u0000le' })]) },
    { label: 'part content type with NUL', body: form([file({ contentType: 'text/\u0000csv' })]) },
    {
      label: 'text field with NUL',
      body: form([{ name: 'createMissingSyllabus', content: 'tr\u0000ue' }, file()]),
    },
    {
      label: 'text field with a lone surrogate',
      body: form([{ name: 'note', content: LONE_SURROGATE_UTF8 }, file()]),
    },
    { label: 'only a text field', body: form([{ name: sample.field, content: 'not a file' }]) },
    { label: 'no parts', body: form([]) },
    { label: 'file in another field', body: form([file({ name: 'other' })]) },
    { label: 'empty file', body: form([file({ content: Buffer.alloc(0) })]) },
    { label: 'file of NUL bytes', body: form([file({ content: Buffer.alloc(2048) })]) },
    { label: 'two files', body: form([file(), file()]) },
    {
      label: 'JSON instead of multipart',
      body: { payload: '{"file":"x"}', contentType: 'application/json' },
    },
    { label: 'no body', body: { payload: '', contentType: null } },
  ];
  if (sample.contentType === 'text/csv' && sample.fileName.startsWith('questions')) {
    for (const [label, content, fileName] of await sheetContents(sample))
      variants.push({ label, body: form([file({ content, fileName })]) });
  }
  if (sample.contentType === 'text/csv' && sample.fileName.startsWith('students')) {
    const text = sample.content.toString('utf8');
    variants.push(
      {
        label: 'CSV with a NUL cell',
        body: form([file({ content: Buffer.from(text.replace('Fuzz Kid', 'Fuzz\u0000Kid')) })]),
      },
      {
        label: 'CSV with a lone surrogate (CESU-8)',
        body: form([
          file({
            content: Buffer.concat([Buffer.from(text.replace('Fuzz Kid', 'Fuzz')), LONE_SURROGATE_UTF8]),
          }),
        ]),
      },
    );
  }
  return variants;
}
