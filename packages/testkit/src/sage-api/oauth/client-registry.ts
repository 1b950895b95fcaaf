import { checkClientRegistration, type SageClientRegistration } from '../sage-api-options.js';
import { constantTimeEqual } from './constant-time-equal.js';

/** The OAuth clients the simulator accepts (c.2: exact redirect URIs). */
export class ClientRegistry {
  readonly #clients = new Map<string, SageClientRegistration>();

  constructor(clients: readonly SageClientRegistration[]) {
    for (const client of clients) this.register(client);
  }

  /** Adds a client, or replaces one with the same id. */
  register(client: SageClientRegistration): SageClientRegistration {
    const checked = checkClientRegistration(client);
    const copy = { ...checked, redirectUris: [...checked.redirectUris] };
    this.#clients.set(copy.clientId, copy);
    return copy;
  }

  get(clientId: string | undefined): SageClientRegistration | undefined {
    return clientId === undefined ? undefined : this.#clients.get(clientId);
  }

  list(): SageClientRegistration[] {
    return [...this.#clients.values()];
  }

  /** The client when id and secret match (secret compared in constant time), else undefined. */
  authenticate(clientId: string | undefined, clientSecret: string | undefined): SageClientRegistration | undefined {
    const client = this.get(clientId);
    if (client === undefined || clientSecret === undefined) return undefined;
    return constantTimeEqual(client.clientSecret, clientSecret) ? client : undefined;
  }
}
