/**
 * Markup that is already safe to emit. Only `html` and `raw` make one, so a
 * string from the database can never reach a page unescaped by accident.
 */
export class SafeHtml {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]!);
}

/** Trusted markup, e.g. a constant stylesheet. Never pass user data. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template: every interpolation is escaped unless it is `SafeHtml`;
 * arrays are concatenated; `null`, `undefined` and `false` render nothing.
 *
 * @example html`<td title="${record.errorCode}">${label}</td>`
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += part(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}
