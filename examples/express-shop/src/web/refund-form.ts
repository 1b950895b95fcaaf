import type { RefundRequest } from '../domain/refunds.js';
import { ShopError } from '../domain/shop-deps.js';

/**
 * The invoice page's refund form: `qty-<order line id>` per line (empty is
 * 0), `shipping` when ticked, `reason`. Anything else is refused before it
 * reaches the refund; a form asking for nothing is refused too.
 */
export function readRefundForm(form: Readonly<Record<string, unknown>>): RefundRequest {
  const lines: Array<{ orderLineId: number; qty: number }> = [];
  for (const [key, value] of Object.entries(form)) {
    const line = /^qty-(\d{1,9})$/.exec(key);
    if (!line) continue;
    const raw = typeof value === 'string' ? value.trim() : null;
    if (raw === null || (raw !== '' && !/^\d{1,6}$/.test(raw))) throw new ShopError('Refund quantities must be whole numbers >= 0.');
    if (raw !== '') lines.push({ orderLineId: Number(line[1]), qty: Number(raw) });
  }
  const shipping = form.shipping === '1' || form.shipping === 'on';
  if (lines.every((l) => l.qty === 0) && !shipping) {
    throw new ShopError('Nothing to refund: choose a quantity of at least one line, or the shipping.');
  }
  const reason = typeof form.reason === 'string' ? form.reason.trim().slice(0, 500) : '';
  return { lines, shipping, reason: reason || null };
}
