/**
 * `callback.html`: completes the login popup. The portal redirects here with `?code=…&state=…`
 * (or `?error=…`); `notifyOpener` hands the URL to the widget in the opener, which closes this
 * window. Without an opener (the page was closed meanwhile) a short note says so.
 */
import { notifyOpener } from './popup-callback.js';

if (!notifyOpener()) {
  const note = document.querySelector<HTMLElement>('[data-status]');
  if (note) note.hidden = false;
}
