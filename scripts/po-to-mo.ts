// Compiles a gettext .po file into the binary .mo that WordPress loads (msgctxt, plurals and the
// header included), so building the WordPress plugin needs no gettext tools.

interface Entry {
  context?: string;
  id: string;
  plural?: string;
  strings: string[];
}

/** The value of a quoted .po string (`"a \"b\"\n"`). */
function unquote(text: string): string {
  return JSON.parse(text) as string;
}

/** The entries of a .po file (comments skipped; continuation lines joined). */
export function parsePo(source: string): Entry[] {
  const entries: Entry[] = [];
  let entry: Entry | null = null;
  let field: { set: (value: string) => void; value: string } | null = null;
  const finish = () => {
    if (entry && entry.strings.some((s) => s !== '')) entries.push(entry);
    entry = null;
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$/.exec(line);
    if (!match) {
      if (!field || !line.startsWith('"')) throw new Error(`cannot read .po line: ${line}`);
      field.value += unquote(line);
      field.set(field.value);
      continue;
    }
    const [, keyword, index, text] = match;
    if (keyword === 'msgctxt' || (keyword === 'msgid' && entry?.strings.length)) finish();
    entry ??= { id: '', strings: [] };
    const current: Entry = entry;
    const value = unquote(text!);
    const setters: Record<string, (v: string) => void> = {
      msgctxt: (v) => (current.context = v),
      msgid: (v) => (current.id = v),
      msgid_plural: (v) => (current.plural = v),
    };
    const slot = Number(index ?? 0);
    const set = setters[keyword!] ?? ((v: string) => (current.strings[slot] = v));
    field = { set, value };
    set(value);
  }
  finish();
  return entries;
}

/** The .mo file of `entries` (little-endian, no hash table). */
export function toMo(entries: Entry[]): Uint8Array {
  const pairs = entries
    .map((e) => ({
      key: Buffer.from(
        (e.context !== undefined ? `${e.context}\u0004` : '') +
          e.id +
          (e.plural !== undefined ? `\u0000${e.plural}` : ''),
      ),
      value: Buffer.from(e.strings.join('\u0000')),
    }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  const count = pairs.length;
  const headerSize = 28;
  const tables = headerSize + count * 16;
  const header = Buffer.alloc(tables);
  header.writeUInt32LE(0x950412de, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(headerSize, 12);
  header.writeUInt32LE(headerSize + count * 8, 16);
  header.writeUInt32LE(0, 20);
  header.writeUInt32LE(tables, 24);
  const strings: Buffer[] = [];
  let offset = tables;
  const place = (text: Buffer, at: number) => {
    header.writeUInt32LE(text.length, at);
    header.writeUInt32LE(offset, at + 4);
    strings.push(text, Buffer.alloc(1));
    offset += text.length + 1;
  };
  pairs.forEach((p, i) => place(p.key, headerSize + i * 8));
  pairs.forEach((p, i) => place(p.value, headerSize + count * 8 + i * 8));
  return new Uint8Array(Buffer.concat([header, ...strings]));
}
