// Writes the WordPress plugin's translation template, plugins/wordpress/languages/patient-booking.pot:
// the PHP strings (gettext's xgettext: `apt-get install gettext`) and the block's title,
// description and keywords from block/block.json, in the contexts WordPress looks them up in.
// Then: msgmerge --update --no-wrap languages/patient-booking-de_DE.po languages/patient-booking.pot
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLUGIN_DIR } from './build-wordpress.js';

const POT = join(PLUGIN_DIR, 'languages', 'patient-booking.pot');
const KEYWORDS = ['__', '_e', 'esc_html__', 'esc_html_e', 'esc_attr__', '_n:1,2'];
const sources = [
  'patient-booking.php',
  ...readdirSync(join(PLUGIN_DIR, 'includes')).map((file) => `includes/${file}`),
];
const php = execFileSync(
  'xgettext',
  [
    '--language=PHP',
    '--from-code=UTF-8',
    '--add-comments=translators:',
    ...KEYWORDS.map((keyword) => `--keyword=${keyword}`),
    '--package-name=Patient Booking',
    '--no-wrap',
    '--output=-',
    ...sources,
  ],
  { cwd: PLUGIN_DIR, encoding: 'utf8' },
);

const block = JSON.parse(readFileSync(join(PLUGIN_DIR, 'block', 'block.json'), 'utf8')) as {
  title: string;
  description: string;
  keywords: string[];
};
const entry = (context: string, text: string) =>
  `\n#: block/block.json\nmsgctxt "${context}"\nmsgid ${JSON.stringify(text)}\nmsgstr ""\n`;
const fromBlock = [
  entry('block title', block.title),
  entry('block description', block.description),
  ...block.keywords.map((keyword) => entry('block keyword', keyword)),
];
const pot = php
  .replace('charset=CHARSET', 'charset=UTF-8')
  .replace(/^"POT-Creation-Date: .*\n/m, '');
writeFileSync(POT, `${pot}${fromBlock.join('')}`);
console.log(`${POT}: written`);
