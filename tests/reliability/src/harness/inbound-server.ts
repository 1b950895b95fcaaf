import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboundHandler } from '@byte8/client';

/**
 * A node:http server mounting an inbound handler under `/rest`, the way an
 * adapter does. The handler is bound late (`serve()`), so the server's URL can
 * be given to the simulator before the connector exists.
 */
export async function startInboundServer(): Promise<{ readonly baseUrl: string; serve(handler: InboundHandler): void; close(): Promise<void> }> {
  let handler: InboundHandler | null = null;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '/';
    if (!handler || !url.startsWith('/rest/')) {
      res.writeHead(404).end();
      return;
    }
    const response = await handler({
      method: req.method ?? 'GET',
      path: url.slice('/rest'.length),
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
      secure: false,
      remoteAddress: req.socket.remoteAddress ?? '',
    });
    res.writeHead(response.status, response.headers).end(response.body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    serve(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
