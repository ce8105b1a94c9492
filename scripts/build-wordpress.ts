// `npm run build:wordpress`: the WordPress plugin as an installable zip (a `patient-booking/`
// folder with plugins/wordpress/ and its compiled translations) in dist/wordpress/.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { parsePo, toMo } from './po-to-mo.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PLUGIN_DIR = join(ROOT, 'plugins', 'wordpress');
export const PLUGIN_SLUG = 'patient-booking';
export const DEFAULT_ZIP = join(ROOT, 'dist', 'wordpress', `${PLUGIN_SLUG}.zip`);

/** Every file of the plugin, by its path inside the zip, .po files joined by their .mo. */
export function pluginFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const path = `${PLUGIN_SLUG}/${relative(PLUGIN_DIR, full).split(sep).join('/')}`;
      const data = readFileSync(full);
      files.set(path, new Uint8Array(data));
      if (path.endsWith('.po')) {
        files.set(path.replace(/\.po$/, '.mo'), toMo(parsePo(data.toString('utf8'))));
      }
    }
  };
  walk(PLUGIN_DIR);
  return files;
}

/** The plugin's zip, as WordPress's "Upload Plugin" takes it. */
export function wordPressZip(): Uint8Array {
  const tree: Zippable = {};
  const mtime = new Date('2026-01-01T00:00:00Z'); // the same bytes for the same sources
  for (const [path, data] of [...pluginFiles()].sort(([a], [b]) => a.localeCompare(b))) {
    tree[path] = [data, { mtime }];
  }
  return zipSync(tree, { level: 9 });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const zip = wordPressZip();
  mkdirSync(dirname(DEFAULT_ZIP), { recursive: true });
  writeFileSync(DEFAULT_ZIP, zip);
  console.log(`${relative(ROOT, DEFAULT_ZIP)}: ${(zip.byteLength / 1024).toFixed(1)} KiB`);
}
