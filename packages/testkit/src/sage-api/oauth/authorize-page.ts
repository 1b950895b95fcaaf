import { escapeHtml } from '../http/escape-html.js';

export interface SignInChoice {
  readonly userId: string;
  readonly label: string;
}

export interface AuthorizePageModel {
  readonly requestId: string;
  readonly clientName: string;
  readonly scope: string;
  readonly users: readonly SignInChoice[];
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f5f7;margin:0}
main{max-width:28rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin-top:0;color:#00a65a}label{display:block;font-weight:600;margin:1rem 0 .4rem}
select{width:100%;padding:.5rem;font-size:1rem}.actions{display:flex;gap:1rem;margin-top:1.5rem}
button{flex:1;padding:.7rem;font-size:1rem;border-radius:4px;border:1px solid #888;cursor:pointer}
button[value=allow]{background:#00a65a;color:#fff;border-color:#00a65a}.note{color:#555;font-size:.9rem}`;

function page(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${content}</main></body></html>`;
}

/** The sign-in and consent page a browser test clicks through (c.2). */
export function renderAuthorizePage(model: AuthorizePageModel): string {
  const access = model.scope === 'readonly' ? 'read' : 'read and change';
  const options = model.users.map((user) => `<option value="${escapeHtml(user.userId)}">${escapeHtml(user.label)}</option>`).join('');
  return page(
    'Sign in to Sage Accounting',
    `<h1>Sage Accounting (simulator)</h1>
<p><strong>${escapeHtml(model.clientName)}</strong> would like to ${access} your Sage Accounting data.</p>
<form method="post" action="/oauth2/auth/central">
<input type="hidden" name="request_id" value="${escapeHtml(model.requestId)}">
<label for="user_id">Sign in as</label>
<select id="user_id" name="user_id">${options}</select>
<div class="actions"><button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button></div>
</form>
<p class="note">A local stand-in for Sage's sign-in; no password is asked.</p>`,
  );
}

/** Shown instead of a redirect when the client or redirect URI cannot be trusted (RFC 6749 §4.1.2.1). */
export function renderAuthorizeError(message: string): string {
  return page('Sage Accounting: cannot continue', `<h1>Cannot continue</h1><p id="error">${escapeHtml(message)}</p>`);
}
