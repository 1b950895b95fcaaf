import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetricsSnapshot } from './metrics-snapshot.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from './render-prometheus.js';

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A standalone `GET /metrics` for processes without an HTTP framework (the
 * `byte8 worker`). Adapters mount `renderPrometheus` on their own router instead.
 */
export async function startMetricsServer(options: {
  readonly port: number;
  readonly host?: string;
  readonly collect: () => Promise<MetricsSnapshot>;
}): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '/').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    options.collect().then(
      (snapshot) => response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE }).end(renderPrometheus(snapshot)),
      () => response.writeHead(503, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
