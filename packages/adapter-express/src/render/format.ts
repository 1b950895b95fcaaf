/** `2026-04-30 10:11 UTC`: admin pages show UTC, as the contract stores it. */
export function formatUtc(date: Date | null | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return '—';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `45.80 EUR`. */
export function formatMoney(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}
