// The custom elements manifest (dist/custom-elements.json, `npm run build`) against the code: every
// element with its tag, every custom property the styles read (one per entry), the root's events
// from the event registry, and only parts a host page can reach.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_EVENTS } from '../../src/contract/events.js';
import { FORWARDED_PARTS } from '../../src/views/shared/forwarded-parts.js';

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  cssProperties?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  events?: Array<{ name: string }>;
}
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as {
  modules: Array<{ path: string; declarations?: Declaration[] }>;
};
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const elements = declarations.filter((d) => d.customElement && d.tagName);
const root = elements.find((d) => d.tagName === 'patient-booking');

const sources = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
const names = (list?: Array<{ name: string }>) => (list ?? []).map((x) => x.name).sort();

describe('custom-elements.json', () => {
  it('lists every element the code defines, each with its tag', () => {
    const defined = sources
      .flatMap((s) => [...s.matchAll(/customElementOnce\('([a-z-]+)'\)/g)].map((m) => m[1]!))
      .concat('patient-booking')
      .sort();
    assert.deepEqual(elements.map((e) => e.tagName).sort(), defined);
    assert.ok(defined.length >= 11, `only ${defined.length} elements found`);
    // Untagged element classes are the views' abstract base only.
    const untagged = declarations.filter((d) => d.customElement && !d.tagName).map((d) => d.name);
    assert.deepEqual(untagged, ['StepView']);
  });

  it('documents every custom property the styles read, on the root, one name per entry', () => {
    const used = new Set(
      sources.flatMap((s) =>
        [...s.matchAll(/var\((--patient-booking-[a-z-]+)/g)].map((m) => m[1]!),
      ),
    );
    assert.deepEqual(names(root?.cssProperties), [...used].sort());
    for (const e of elements) {
      for (const p of e.cssProperties ?? []) assert.match(p.name, /^--patient-booking-[a-z-]+$/);
    }
  });

  it("lists the root's public events from the event registry", () => {
    assert.deepEqual(names(root?.events), [...PUBLIC_EVENTS].sort());
  });

  it('names only parts a host can reach: the root’s own and those the views forward', () => {
    const forwarded = FORWARDED_PARTS.split(',').map((p) => p.trim());
    const rootParts = names(root?.cssParts);
    for (const part of forwarded)
      assert.ok(rootParts.includes(part), `root lacks @csspart ${part}`);
    for (const view of elements.filter((e) => e !== root)) {
      for (const part of names(view.cssParts)) {
        assert.ok(
          forwarded.includes(part),
          `${view.tagName} documents ${part}, which no host reaches`,
        );
      }
    }
  });
});
