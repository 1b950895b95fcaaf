import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Provider } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import express, { type RequestHandler } from 'express';
import { afterEach } from 'vitest';
import type { HostDocument, HostDocuments } from '../documents/host-documents.js';
import { adminClient } from './admin-client.test-helpers.js';
import { adminRouter } from './admin-router.js';
import { MemoryAdminApi } from './memory-admin-api.test-helpers.js';

export const sage = sageAccounting();
const requireAdmin: RequestHandler = (req, res, next) => {
  if (req.headers['x-admin'] === 'yes') return next();
  res.status(401).send('login required');
};

export const docs: HostDocument[] = Array.from({ length: 25 }, (_, i) => ({
  id: i + 1,
  number: i === 0 ? 'INV-<img src=x onerror=alert(1)>' : `INV-${String(i + 1).padStart(4, '0')}`,
  date: new Date(Date.UTC(2026, 3, 1 + i)),
  total: 10 * (i + 1),
  currency: 'GBP',
}));
const documents: HostDocuments = {
  async list({ sort, limit, offset }) {
    const sorted = [...docs].sort((a, b) => (sort === 'date_asc' ? 1 : -1) * (a.date.getTime() - b.date.getTime()));
    return { rows: sorted.slice(offset, offset + limit), total: docs.length };
  },
  async byIds(_type, ids) {
    return docs.filter((d) => ids.includes(d.id));
  },
};

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The admin router behind a header-checking auth, on 127.0.0.1, with a cookie jar. */
export async function start(providers: Provider[] = [sage]) {
  const labels = Object.fromEntries(providers.map((p) => [p.key, p.labels]));
  const api = new MemoryAdminApi(labels);
  const app = express();
  app.use('/admin/byte8', adminRouter({ admin: api, providers, auth: requireAdmin, documents, publicBaseUrl: 'https://shop.example.test/', pageSize: 10 }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/admin/byte8`;
  const { call, post, jar } = adminClient(base, { 'x-admin': 'yes' });
  return { api, call, post, jar };
}
