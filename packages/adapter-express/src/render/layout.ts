import type { Flash } from '../admin/flash-store.js';
import { CSRF_FIELD } from '../admin/csrf.js';
import { html, raw, type SafeHtml } from './html.js';
import type { PageContext } from './page-context.js';
import { ADMIN_STYLES } from './styles.js';

export type NavItem = 'dashboard' | 'config' | 'invoices' | 'creditmemos';

const NAV: ReadonlyArray<{ key: NavItem; path: string; label: string }> = [
  { key: 'dashboard', path: '/', label: 'Dashboard' },
  { key: 'config', path: '/config', label: 'Configuration' },
  { key: 'invoices', path: '/invoices', label: 'Invoices' },
  { key: 'creditmemos', path: '/creditmemos', label: 'Credit memos' },
];

// Copy buttons and confirmation dialogs: progressive enhancement only, every
// form still works without script (minus the confirmation).
const SCRIPT = raw(`<script>
document.addEventListener('submit',function(e){var m=e.target.getAttribute('data-confirm');if(m&&!window.confirm(m))e.preventDefault();});
document.addEventListener('click',function(e){var b=e.target.closest('[data-copy]');if(!b)return;var el=document.getElementById(b.getAttribute('data-copy'));if(!el)return;
var done=function(){var s=document.getElementById('byte8-live');if(s)s.textContent='Copied to the clipboard.';b.textContent='Copied';};
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(el.value).then(done,function(){el.select();});}else{el.select();try{document.execCommand('copy');done();}catch(_){}}});
</script>`);

/** A hidden CSRF field for a form. */
export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrfToken}">`;
}

/** The admin page shell: skip link, header, navigation, flash, live region. */
export function renderLayout(ctx: PageContext, page: { title: string; current: NavItem | null; body: SafeHtml; flash?: Flash | null }): string {
  const nav = NAV.map(
    (item) =>
      html`<li><a href="${ctx.base}${item.path}"${item.key === page.current ? raw(' aria-current="page"') : ''}>${item.label}</a></li>`,
  );
  const flash = page.flash
    ? html`<div class="byte8-flash${page.flash.kind === 'error' ? ' byte8-flash--error' : ''}" role="${page.flash.kind === 'error' ? 'alert' : 'status'}">${page.flash.message}</div>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title} · ${ctx.title}</title><style>${ADMIN_STYLES}</style></head>
<body>
<a class="byte8-skip" href="#main">Skip to content</a>
<header class="byte8-header"><p class="byte8-brand"><strong>${ctx.title}</strong></p><nav class="byte8-nav" aria-label="Connector"><ul>${nav}</ul></nav></header>
<main id="main" tabindex="-1">
<h1>${page.title}</h1>
${flash}
${page.body}
<p id="byte8-live" class="byte8-note" aria-live="polite"></p>
</main>
${SCRIPT}
</body></html>`.toString();
}
