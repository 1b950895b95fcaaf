/** The first bytes of an answer, and whether there was more. */
export interface CappedText {
  readonly text: string;
  /** True when the body was longer than the cap (the rest was not read). */
  readonly truncated: boolean;
}

/**
 * The answer's first `cap` bytes as UTF-8. Past the cap the stream is
 * destroyed (leaving the loop does it), so a server, or whatever a bad base
 * URL reached, cannot make the caller buffer an unbounded body.
 */
export async function readCapped(body: AsyncIterable<unknown>, cap: number): Promise<CappedText> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    if (size + buffer.length > cap) {
      chunks.push(buffer.subarray(0, cap - size));
      truncated = true;
      break;
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}
