/** Server-rendered portal pages: login, consent, errors, logout, video. No scripts, one external stylesheet. */
import { escapeHtml as e } from './http-utils.js';

export const STYLESHEET_PATH = '/sandbox-assets/portal.css';

export const STYLESHEET = `
:root { color-scheme: light dark; --accent: #0b6e4f; font-family: system-ui, sans-serif; }
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 26rem; margin: 3rem auto; padding: 2rem; border: 1px solid #8884; border-radius: 0.75rem; }
h1 { font-size: 1.5rem; margin-top: 0; }
.brand { color: var(--accent); font-weight: 600; margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
input { box-sizing: border-box; width: 100%; padding: 0.6rem; font: inherit; border: 1px solid #888; border-radius: 0.4rem; }
button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 0.4rem; border: 1px solid var(--accent); cursor: pointer; }
button.primary { background: var(--accent); color: #fff; }
button.secondary { background: transparent; color: inherit; }
.actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
.actions form { margin: 0; }
.error { color: #b00020; background: #b0002014; padding: 0.6rem; border-radius: 0.4rem; }
.hint { font-size: 0.875rem; opacity: 0.8; margin-top: 1.5rem; }
ul.scopes { padding-left: 1.2rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} – Praxis am Stadtpark (sandbox)</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main>
<p class="brand">Praxis am Stadtpark · Patient portal (sandbox)</p>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageOptions {
  uid: string;
  clientName: string;
  email?: string;
  error?: string;
}

export function loginPage({ uid, clientName, email = '', error }: LoginPageOptions): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to continue to <strong>${e(clientName)}</strong></p>
${error ? `<p class="error" role="alert" id="login-error">${e(error)}</p>` : ''}
<form method="post" action="${action}/login" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${e(email)}"${error ? ' aria-describedby="login-error" aria-invalid="true"' : ''}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>
<form method="post" action="${action}/abort"><div class="actions"><button class="secondary" type="submit">Cancel</button></div></form>
<p class="hint">Sandbox demo account: patient@example.com / sandbox (fictitious data).</p>`,
  );
}

const SCOPE_TEXT: Record<string, string> = {
  openid: 'Confirm who you are',
  offline_access: 'Stay connected while you are away',
  basic: 'Use the booking services of the practice',
  profile_read: 'Read your profile: name, email, address, date of birth, phone',
  appointment_read: 'See your appointments and join video consultations',
  appointment_write: 'Book, reschedule and cancel appointments for you',
};

export function consentPage(uid: string, clientName: string, scopes: readonly string[]): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const items = scopes.map((s) => `<li>${e(SCOPE_TEXT[s] ?? s)}</li>`).join('\n');
  return page(
    'Allow access',
    `<h1>Allow access?</h1>
<p><strong>${e(clientName)}</strong> would like to:</p>
<ul class="scopes">
${items}
</ul>
<div class="actions">
<form method="post" action="${action}/confirm"><button class="primary" type="submit">Allow</button></form>
<form method="post" action="${action}/abort"><button class="secondary" type="submit">Deny</button></form>
</div>`,
  );
}

export function messagePage(title: string, message: string, extra = ''): string {
  return page(title, `<h1>${e(title)}</h1>\n<p>${e(message)}</p>\n${extra}`);
}

export function logoutPage(form: string): string {
  return page(
    'Sign out',
    `<h1>Sign out?</h1>
<p>Do you want to sign out of the patient portal?</p>
${form}
<div class="actions">
<button class="primary" type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
<button class="secondary" type="submit" form="op.logoutForm">Stay signed in</button>
</div>`,
  );
}

export function videoPage(title: string, startsAt: string): string {
  return page(
    'Video consultation',
    `<h1>Video consultation</h1>
<p>${e(title)}</p>
<p>Scheduled for <time datetime="${e(startsAt)}">${e(startsAt)}</time>.</p>
<p class="hint">This is the sandbox's stand-in for the video room; no camera or microphone is used.</p>`,
  );
}
