/**
 * The framework-neutral shape of an inbound HTTP request and its answer
 * (design §5 Inbound). Adapters translate their framework's request into
 * this, call the handler, and write the response back unchanged.
 */
export interface InboundRequest {
  readonly method: string;
  /** Path after the host's mount point, starting at `/V1/...` (the `/rest` prefix removed). */
  readonly path: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The exact bytes received; never a re-serialised parse. */
  readonly rawBody: Uint8Array | string;
  /** True when the request arrived over HTTPS (or a trusted proxy said so). */
  readonly secure: boolean;
  readonly remoteAddress: string;
}

export interface InboundResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type InboundHandler = (request: InboundRequest) => Promise<InboundResponse>;
