// The scale bench's section of bench/RESULTS.md, between two markers: `npm run bench:scale`
// writes it, and `npm run bench`, which rewrites the rest of the file, keeps it.
import { readFile, writeFile } from 'node:fs/promises';

const START = '<!-- scale bench: npm run bench:scale -->';
const END = '<!-- /scale bench -->';

/** The section as it is in `markdown`, markers included, or `''`. */
export function scaleSection(markdown: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  return start >= 0 && end > start ? markdown.slice(start, end + END.length) : '';
}

/** The section of the file at `path` (none: `''`), for a rewrite of the file to keep. */
export async function keptScaleSection(path: string): Promise<string> {
  const markdown = await readFile(path, 'utf8').catch(() => '');
  const section = scaleSection(markdown);
  return section === '' ? '' : `\n${section}\n`;
}

/** Writes `body` as the section of the file at `path`: in place of the old one, or at its end. */
export async function writeScaleSection(path: string, body: string): Promise<void> {
  const markdown = await readFile(path, 'utf8').catch(() => '');
  const section = `${START}\n${body.trim()}\n${END}`;
  const old = scaleSection(markdown);
  const next =
    old === '' ? `${markdown.trimEnd()}\n\n${section}\n` : markdown.replace(old, section);
  await writeFile(path, next);
}
