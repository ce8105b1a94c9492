/**
 * The login popup, opened synchronously in the click handler (before any `await`), so that popup
 * blockers see the user's gesture. oidc-client-ts later finds it again by its name and navigates
 * it to the portal's login page.
 */

/** The popup's window name; oidc-client-ts's `popupWindowTarget` reuses the open window by it. */
export const LOGIN_WINDOW_NAME = 'patient-booking-login';

/** Size of the popup: room for the portal's login and consent pages on small laptop screens. */
export const POPUP_SIZE = { width: 480, height: 640 } as const;

/** `window.open` features for a centered popup of `POPUP_SIZE` (oidc-client-ts's serialisation). */
export function popupFeatures(
  screenLike: Pick<Window, 'screenX' | 'screenY' | 'outerWidth' | 'outerHeight'> = window,
): string {
  const { width, height } = POPUP_SIZE;
  const left = Math.max(0, Math.round(screenLike.screenX + (screenLike.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(screenLike.screenY + (screenLike.outerHeight - height) / 2));
  return `location=no,toolbar=no,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * Opens the (blank) login popup. `null` when the browser blocked it; some browsers hand out a
 * window that is closed at once, which counts as blocked too.
 */
export function openLoginWindow(open: Window['open'] = window.open.bind(window)): Window | null {
  let popup: Window | null = null;
  try {
    popup = open('about:blank', LOGIN_WINDOW_NAME, popupFeatures());
  } catch {
    popup = null;
  }
  return popup && !popup.closed ? popup : null;
}
