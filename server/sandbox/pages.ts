/** Small pages the sandbox serves itself: the stylesheet, the video room, a landing page. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, send, sendHtml } from './http-utils.js';
import { STYLESHEET, STYLESHEET_PATH, messagePage, videoPage } from './login-pages.js';
import { findType } from './seed/catalogue.js';
import type { SandboxState } from './state.js';
import { toZonedIso } from './time.js';

export function isPagePath(pathname: string): boolean {
  return pathname === STYLESHEET_PATH || pathname === '/' || pathname.startsWith('/video/');
}

export function handlePage(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  state: SandboxState,
  issuer: string,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendHtml(res, 405, messagePage('Method not allowed', 'Only GET is supported here.'), {
      Allow: 'GET',
    });
  }
  if (url.pathname === STYLESHEET_PATH) {
    return send(res, 200, STYLESHEET, 'text/css; charset=utf-8', {
      'Cache-Control': 'public, max-age=300',
    });
  }
  if (url.pathname === '/') {
    const extra = `<ul>
<li>Discovery: <a href="/.well-known/openid-configuration">/.well-known/openid-configuration</a></li>
<li>API: <code>${escapeHtml(issuer)}/api/patient/v1</code></li>
<li>Clients: <code>demo-client</code> / <code>demo-secret</code> (confidential), <code>demo-spa</code> (public, PKCE)</li>
<li>Demo patient: <code>patient@example.com</code> / <code>sandbox</code></li>
</ul>`;
    return sendHtml(
      res,
      200,
      messagePage(
        'Sandbox patient portal',
        'A local stand-in for the clinic patient portal, with fictitious data.',
        extra,
      ),
    );
  }
  const access = state.videoAccesses.get(url.pathname.slice('/video/'.length));
  const appointment = access ? state.appointments.get(access.appointmentId) : undefined;
  if (!access || !appointment)
    return sendHtml(
      res,
      404,
      messagePage('Not found', 'This video consultation link is not valid.'),
    );
  if (access.expiresAt <= Date.now())
    return sendHtml(
      res,
      410,
      messagePage('Link expired', 'This video consultation link has expired.'),
    );
  return sendHtml(
    res,
    200,
    videoPage(
      findType(appointment.typeId)?.name ?? 'Video consultation',
      toZonedIso(appointment.startsAt),
    ),
  );
}
