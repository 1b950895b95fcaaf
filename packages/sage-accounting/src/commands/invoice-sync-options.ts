/** Which invoices `invoice:sync` sends, after validation. */
export type InvoiceSelection =
  | { readonly kind: 'ids'; readonly ids: readonly number[] }
  | { readonly kind: 'all'; readonly state: 'open' | 'paid' | 'any' };

export interface InvoiceSyncOptions {
  readonly selection: InvoiceSelection;
  readonly event: 'created' | 'paid' | 'both';
}

export type ParsedOptions = { readonly ok: true; readonly options: InvoiceSyncOptions } | { readonly ok: false; readonly error: string };

const EVENTS = ['created', 'paid', 'both'] as const;
const STATES = ['open', 'paid', 'any'] as const;

const given = (value: string | boolean | undefined): boolean => value !== undefined && value !== false;

function positiveId(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[0-9]+$/.test(trimmed)) return null;
  const id = Number(trimmed);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function oneOf<T extends string>(name: string, value: string | boolean | undefined, allowed: readonly T[], fallback: T): T | string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return `--${name} must be one of ${allowed.join(', ')}; got "${String(value)}"`;
}

/**
 * Validates the options of `invoice:sync` (wire-contract §11) before anything
 * is loaded or published, so a typo never sends half a batch.
 */
export function parseInvoiceSyncOptions(raw: Readonly<Record<string, string | boolean | undefined>>): ParsedOptions {
  const chosen = (['id', 'ids', 'all'] as const).filter((name) => given(raw[name]));
  if (chosen.length !== 1) return { ok: false, error: 'pass exactly one of --id, --ids or --all' };

  const event = oneOf('event', raw.event, EVENTS, 'both');
  if (!(EVENTS as readonly string[]).includes(event)) return { ok: false, error: event };
  const state = oneOf('state', raw.state, STATES, 'any');
  if (!(STATES as readonly string[]).includes(state)) return { ok: false, error: state };
  const sync = { event: event as InvoiceSyncOptions['event'] };

  if (chosen[0] === 'all') {
    if (raw.all !== true) return { ok: false, error: '--all takes no value' };
    return { ok: true, options: { ...sync, selection: { kind: 'all', state: state as 'open' | 'paid' | 'any' } } };
  }
  const texts = chosen[0] === 'id' ? [raw.id] : typeof raw.ids === 'string' ? raw.ids.split(',') : [raw.ids];
  const ids: number[] = [];
  for (const text of texts) {
    const id = typeof text === 'string' ? positiveId(text) : null;
    if (id === null) return { ok: false, error: `--${chosen[0]} takes positive integer invoice ids; got "${String(text)}"` };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, options: { ...sync, selection: { kind: 'ids', ids } } };
}
