/**
 * The Medusa admin API over HTTP, as the dashboard and a merchant's scripts
 * use it: an admin login, the plugin's `/admin/byte8/*` routes, and an order
 * made the way the admin makes one (a draft order converted to an order,
 * which emits `order.placed`).
 */
export class MedusaAdmin {
  private constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<MedusaAdmin> {
    const response = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await response.json()) as { token?: string };
    if (!response.ok || !body.token) throw new Error(`admin login failed: ${response.status} ${JSON.stringify(body)}`);
    return new MedusaAdmin(baseUrl, body.token);
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (an HTML 404 page): keep the text.
    }
    return { status: response.status, body: parsed };
  }

  /** A 2xx answer's body (shaped as the caller says), or an error naming the call. */
  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.request(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  }

  /** A region with the system payment provider, a draft order in it, converted into an order. */
  async placeOrder(email: string): Promise<{ id: string; displayId: number }> {
    const { region } = await this.ok<{ region: { id: string } }>('POST', '/admin/regions', {
      name: 'Europe',
      currency_code: 'eur',
      countries: ['de'],
      payment_providers: ['pp_system_default'],
    });
    const address = { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Hauptstr.', city: 'Berlin', postal_code: '10115', country_code: 'de' };
    const { draft_order: draft } = await this.ok<{ draft_order: { id: string } }>('POST', '/admin/draft-orders', {
      email,
      region_id: region.id,
      items: [{ title: 'Mug', quantity: 2, unit_price: 10 }],
      billing_address: address,
      shipping_address: address,
    });
    const { order } = await this.ok<{ order: { id: string; display_id: number } }>('POST', `/admin/draft-orders/${draft.id}/convert-to-order`, {});
    return { id: order.id, displayId: order.display_id };
  }
}
