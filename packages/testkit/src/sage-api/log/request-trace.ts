/** What a route learnt about a request, for the log: filled in as the request is handled. */
export interface RequestTrace {
  businessId: string | null;
  userId: string | null;
  clientId: string | null;
  /** The access token's label (`at_3`), never the token. */
  tokenId: string | null;
  /** Why a request was refused or what it did, in a few words (e.g. `refresh token already used`). */
  note: string | null;
}

export const emptyTrace = (): RequestTrace => ({ businessId: null, userId: null, clientId: null, tokenId: null, note: null });
