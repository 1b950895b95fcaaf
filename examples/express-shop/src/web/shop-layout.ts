import { html, type SafeHtml } from '@byte8/adapter-express';

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1d;background:#fafafa;line-height:1.4}
header{background:#234;color:#fff;padding:10px 20px;display:flex;gap:20px;align-items:center}
header a{color:#fff}main{padding:16px 20px;max-width:1100px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:0 0 16px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee}
td.num{text-align:right;font-variant-numeric:tabular-nums}
form.inline{display:inline}label{margin-right:4px}input,select,button{font:inherit;margin:2px 8px 2px 0}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
.error{background:#fce4e4;color:#7a140f;border:1px solid #e3a3a0;padding:8px 12px;border-radius:4px}
.notice{background:#e3f5e1;color:#14521a;border:1px solid #9fd29a;padding:8px 12px;border-radius:4px}
tr.just-placed{background:#f3fbf2}.paid{color:#14521a}.mono{font-family:ui-monospace,monospace}
.nowrap{white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.byte8-sync-chip{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.85rem}
.byte8-sync-chip--synced{background:#e3f5e1;color:#1f7a1f}.byte8-sync-chip--pending{background:#ececec;color:#555}
.byte8-sync-chip--skipped{background:#fff3cd;color:#8a6d00}.byte8-sync-chip--failed{background:#fce4e4;color:#b3261e}
.byte8-sync-chip--none{color:#999}.byte8-detail dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px}
.byte8-detail dt{font-weight:600}.byte8-detail dd{margin:0}.byte8-mono{font-family:ui-monospace,monospace}`;

/** The demo shop's page shell. */
export function shopPage(title: string, body: SafeHtml, adminPath: string): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Byte8 demo shop</title><link rel="icon" href="/favicon.ico" type="image/svg+xml"><style>${STYLE}</style></head>
<body><header><strong>Byte8 demo shop</strong><a href="/">Shop</a><a href="${adminPath}/config">Connector admin</a></header>
<main id="main"><h1>${title}</h1>${body}</main></body></html>`.toString();
}
