/**
 * embed.js's copy of `element/page-scroll.ts` (the same rule, for the iframe's dialog): embed.js
 * must stay one file, and a module it shared with the widget's chunks would become a chunk of
 * its own. The page behind a modal dialog does not scroll and does not move: its scrollbar's
 * gutter is kept; where a browser cannot keep it, the page stays scrollable rather than shift.
 */
export function lockPageScroll(): () => void {
  const root = document.documentElement;
  const scrollbar = window.innerWidth - root.clientWidth;
  if (getComputedStyle(root).overflowY === 'hidden') return () => undefined; // locked already
  if (scrollbar > 0 && !CSS.supports('scrollbar-gutter', 'stable')) return () => undefined;
  const before = { overflow: root.style.overflow, gutter: root.style.scrollbarGutter };
  if (scrollbar > 0) root.style.scrollbarGutter = 'stable';
  root.style.overflow = 'hidden';
  return () => {
    root.style.overflow = before.overflow;
    root.style.scrollbarGutter = before.gutter;
  };
}
