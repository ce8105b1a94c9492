/**
 * The popup's half of oidc-client-ts's popup protocol, without the library (callback.js stays one
 * small file). The opener's `signinPopup` listens for `{source: 'oidc-client', url, keepOpen}`
 * from its own origin, by postMessage from the popup or on the BroadcastChannel
 * `oidc-client-popup-<state>` (when the portal's pages cut the opener link), and then closes the
 * popup. Nothing is stored: the PKCE state lives in the opener's memory.
 */

/** oidc-client-ts's message source tag (`AbstractChildWindow`). */
export const MESSAGE_SOURCE = 'oidc-client';

export interface CallbackMessage {
  source: typeof MESSAGE_SOURCE;
  url: string;
  keepOpen: boolean;
}

type CallbackWindow = Pick<Window, 'opener' | 'close'> & {
  location: { href: string; origin: string };
};

/** Hands the callback URL to the opener; false when there was no one to hand it to. */
export function notifyOpener(
  win: CallbackWindow = window,
  channel: (name: string) => Pick<BroadcastChannel, 'postMessage' | 'close'> = (name) =>
    new BroadcastChannel(name),
): boolean {
  const url = win.location.href;
  const message: CallbackMessage = { source: MESSAGE_SOURCE, url, keepOpen: false };
  const opener = win.opener as Window | null;
  if (opener && !opener.closed) {
    opener.postMessage(message, win.location.origin);
    return true;
  }
  const state = new URL(url).searchParams.get('state');
  if (!state) return false;
  const bc = channel(`oidc-client-popup-${state}`);
  bc.postMessage(message);
  bc.close();
  win.close();
  return true;
}
