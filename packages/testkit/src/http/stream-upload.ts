import { request as httpRequest } from 'node:http';

export interface StreamUploadResult {
  readonly status: number;
  readonly body: string;
  /** Bytes written before the answer's headers arrived. */
  readonly sentWhenAnswered: number;
}

/**
 * POSTs up to `total` bytes to `url` in 1 MiB chunks as fast as the socket
 * takes them, and stops writing as soon as the server answers: how an attack
 * with a huge body, and a server's early refusal of it, look from outside.
 *
 * @example
 * const answer = await streamUpload(`${base}/rest/V1/byte8/setup/pair`, 256 * 2 ** 20, { 'transfer-encoding': 'chunked' });
 * expect(answer.status).toBe(413);
 * expect(answer.sentWhenAnswered).toBeLessThan(32 * 2 ** 20);
 *
 * With `stallAfterBytes` it stops writing there and only waits: a server that
 * reads the declared body before answering never answers (the test times out).
 */
export function streamUpload(
  url: string,
  total: number,
  headers: Readonly<Record<string, string | number>> = {},
  options: { readonly stallAfterBytes?: number } = {},
): Promise<StreamUploadResult> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      { host: target.hostname, port: target.port, method: 'POST', path: `${target.pathname}${target.search}`, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        answered = true;
        const at = sent;
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered: at }));
      },
    );
    // Once answered, the server may close the connection under the rest of the upload.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const limit = Math.min(total, options.stallAfterBytes ?? total);
    const stall = limit < total;
    const chunk = Buffer.alloc(Math.min(1024 * 1024, limit || 1), 'a');
    const pump = (): void => {
      while (!answered && sent < limit) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && !stall) req.end();
    };
    pump();
  });
}
