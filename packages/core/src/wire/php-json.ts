/**
 * JSON exactly as PHP's `json_encode($v, JSON_UNESCAPED_SLASHES)` writes it:
 * compact, `/` unescaped, every non-ASCII UTF-16 unit escaped as `\uXXXX`
 * (wire-contract §6.2). The ledger sees the same bytes the Magento client sent.
 */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (ch) => {
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
