/**
 * The week strip's keys and swipes: arrows, Home and End move between the days that have times
 * (wrapping, like tabs), Page Up / Page Down change the week; a horizontal swipe changes the week.
 */

export interface StripMove {
  day?: string;
  week?: -1 | 1;
}

/** What a key in the strip does; `undefined` for keys it leaves alone. */
export function stripKeys(
  key: string,
  enabled: readonly string[],
  current: string | undefined,
): StripMove | undefined {
  if (key === 'PageUp') return { week: -1 };
  if (key === 'PageDown') return { week: 1 };
  if (!enabled.length) return undefined;
  const at = current ? enabled.indexOf(current) : -1;
  const last = enabled.length - 1;
  switch (key) {
    case 'ArrowRight':
      return { day: enabled[at >= last ? 0 : at + 1] };
    case 'ArrowLeft':
      return { day: enabled[at <= 0 ? last : at - 1] };
    case 'Home':
      return { day: enabled[0] };
    case 'End':
      return { day: enabled[last] };
    default:
      return undefined;
  }
}

/** Pixels a finger must travel sideways, and twice as far as up or down, to turn the week. */
const SWIPE_PX = 48;

/** The week step of a pointer that went down at `start` and came up at `end`, if a swipe. */
export function swipeStep(
  start: { x: number; y: number },
  end: { clientX: number; clientY: number },
): -1 | 1 | undefined {
  const dx = end.clientX - start.x;
  const dy = end.clientY - start.y;
  if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < 2 * Math.abs(dy)) return undefined;
  return dx < 0 ? 1 : -1;
}
