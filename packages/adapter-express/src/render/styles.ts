import { raw } from './html.js';

/**
 * The admin stylesheet, inlined so no front-end build is needed. Chip and
 * status colours are the contract's (wire-contract §10.1, §10.3, §10.4).
 */
export const ADMIN_STYLES = raw(`
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1d;background:#f6f6f6;line-height:1.45}
body{margin:0}
a{color:#0b57a4}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
.byte8-skip{position:absolute;left:-999px}.byte8-skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
.byte8-header{background:#1d1d1d;color:#fff;padding:12px 24px}
.byte8-brand{margin:0;font-size:1.15rem}
.byte8-nav ul{list-style:none;display:flex;gap:16px;margin:8px 0 0;padding:0}
.byte8-nav a{color:#fff}
.byte8-nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{padding:16px 24px;max-width:1100px}
section.byte8-card{background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:16px;margin:0 0 16px}
section.byte8-card h2{margin-top:0;font-size:1.1rem}
a.byte8-tile{background:#fff;border-top:1px solid #d6d6d6;border-right:1px solid #d6d6d6;border-bottom:1px solid #d6d6d6;border-radius:6px;padding:16px;margin:0 0 16px}
a.byte8-tile h2{margin-top:0;font-size:1.1rem}
dl.byte8-card{display:grid;grid-template-columns:max-content auto;gap:4px 16px;background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:16px;margin:0 0 16px}
dl.byte8-card dt{font-weight:600}dl.byte8-card dd{margin:0}
.byte8-row{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin:8px 0}
.byte8-row label{min-width:170px;font-weight:600}
form[role=search] label{min-width:0;margin-left:8px}
input[readonly]{font-family:ui-monospace,monospace;padding:4px 6px;min-width:340px;border:1px solid #8a8a8a;background:#fafafa}
button,.byte8-button{font:inherit;padding:5px 12px;border-radius:4px;border:1px solid #5a5a5a;background:#fff;color:#1d1d1d;cursor:pointer;text-decoration:none}
button.byte8-primary{background:#0b57a4;border-color:#0b57a4;color:#fff}
button.byte8-danger{border-color:#b30000;color:#b30000}
button[disabled]{opacity:.55;cursor:not-allowed}
.byte8-note{color:#4a4a4a;font-size:.92rem}
.byte8-warning{background:#fff3cd;color:#5c4700;border:1px solid #e0c36a;border-radius:4px;padding:8px 12px}
.byte8-banner{background:#fce4e4;color:#7a140f;border:1px solid #e3a3a0;border-radius:4px;padding:10px 14px;margin:8px 0}
.byte8-flash{background:#e3f5e1;color:#14521a;border:1px solid #9fd29a;border-radius:4px;padding:8px 12px;margin:0 0 16px}
.byte8-flash--error{background:#fce4e4;color:#7a140f;border-color:#e3a3a0}
.byte8-dot{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;vertical-align:middle}
table.byte8-table{border-collapse:collapse;width:100%;background:#fff}
table.byte8-table caption{text-align:left;font-weight:600;padding:6px 0}
table.byte8-table th,table.byte8-table td{border-bottom:1px solid #e2e2e2;padding:6px 8px;text-align:left}
table.byte8-table td.byte8-num{text-align:right;font-variant-numeric:tabular-nums}
.byte8-mono{font-family:ui-monospace,monospace}
.byte8-sync-chip{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.85rem;white-space:nowrap}
.byte8-sync-chip--synced{background:#e3f5e1;color:#1f7a1f}
.byte8-sync-chip--pending{background:#ececec;color:#555}
.byte8-sync-chip--skipped{background:#fff3cd;color:#8a6d00}
.byte8-sync-chip--failed{background:#fce4e4;color:#b3261e}
.byte8-sync-chip--none{background:transparent;color:#999}
.byte8-tile{display:block;text-decoration:none;color:inherit;border-left:6px solid #757575}
.byte8-tile--connected{border-left-color:#00873d}.byte8-tile--warning{border-left-color:#b36500}
.byte8-tile--error{border-left-color:#b30000}.byte8-tile--unknown,.byte8-tile--disconnected{border-left-color:#757575}
.byte8-tile dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0 0}
.byte8-tile dt{font-weight:600}.byte8-tile dd{margin:0}
.byte8-errors-high{color:#b30000;font-weight:700}
.byte8-detail dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px}
.byte8-detail dt{font-weight:600}.byte8-detail dd{margin:0}
.byte8-pager{display:flex;gap:12px;align-items:center;margin:12px 0}
.byte8-figure-list{display:flex;flex-wrap:wrap;gap:12px 28px;margin:0 0 12px}
.byte8-figure dt{font-size:.85rem;color:#4a4a4a}.byte8-figure dd{margin:0;font-size:1.3rem}
.byte8-chart{margin:0}.byte8-chart figcaption{font-weight:600;margin-bottom:4px}
.byte8-chart text{font-size:9px;fill:#4a4a4a}.byte8-axis{stroke:#8a8a8a}
.byte8-bar-ok{fill:#1f7a1f;background:#1f7a1f}.byte8-bar-failed{fill:#b3261e;background:#b3261e}
.byte8-key{display:inline-block;width:10px;height:10px;margin:0 2px 0 8px;vertical-align:middle}
.byte8-reason{margin:4px 0;max-width:60ch}
details.byte8-repair{margin-top:16px;border-top:1px solid #e2e2e2;padding-top:8px}
details.byte8-repair summary{cursor:pointer;font-weight:600}
.byte8-events{margin:8px 0;padding-left:18px}
form.byte8-inline{display:inline;margin:0}
td.byte8-nowrap,.byte8-nowrap{white-space:nowrap}
`);
