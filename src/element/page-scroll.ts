/**
 * The page behind a modal dialog does not scroll, and does not move either: hiding the page's
 * scrollbar would widen it and shift its content, so its gutter is kept (`scrollbar-gutter`).
 * Where a browser cannot keep it and the page has a scrollbar that takes room, the page stays
 * scrollable: a page that scrolls behind the dialog is better than one that jumps. The scroll
 * position stays as it was. Inline styles through the CSSOM: allowed under a strict style-src.
 * embed.js has a copy for the iframe's dialog (`embed/page-scroll.ts`).
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
