export { byte8Express, type Byte8Express, type Byte8ExpressOptions } from './byte8-express.js';
export { inboundMiddleware } from './inbound/inbound-middleware.js';
export { adminRouter, type AdminRouterOptions } from './admin/admin-router.js';
export type { DocumentEntityType, DocumentListQuery, DocumentSort, HostDocument, HostDocuments } from './documents/host-documents.js';
export { renderChip } from './render/chip.js';
export { renderDetailBlock, type DetailBlockOptions } from './render/detail-block.js';
export { renderDashboardTile } from './render/dashboard-tile.js';
export { renderFiguresCard } from './render/figures-card.js';
export { escapeHtml, html, raw, SafeHtml } from './render/html.js';
