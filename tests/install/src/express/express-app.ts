import type { HostApp } from '../harness/host-app.js';

/**
 * A small Express shop written the way packages/adapter-express/README.md
 * says: storage on PostgreSQL, the Sage provider, a canonical source over its
 * own invoices, the connector's router before any body parser, the admin
 * pages behind its own auth, and the hook called when it saves an invoice.
 * Its invoices are the testkit's fixture (the shop has no catalogue of its own).
 */
const SERVER = `import express from 'express';
import { byte8Express } from '@byte8/adapter-express';
import { createByte8, createStorage } from '@byte8/client';
import { sageAccounting } from '@byte8/sage-accounting';
import { invoiceFixture } from '@byte8/testkit';

const { DATABASE_URL, BYTE8_KEY_K1, BYTE8_LEDGER_URL, ADMIN_TOKEN, PORT } = process.env;

const invoices = new Map();
const canonicalSource = {
  invoice: async (id) => invoices.get(id) ?? null,
  creditMemo: async () => null,
  customer: async () => null,
  product: async () => null,
  payment: async () => null,
  paymentMethods: async () => [],
  changedSince: async () => [],
};

const storage = await createStorage({ databaseUrl: DATABASE_URL });
const byte8 = await createByte8({
  storage,
  providers: [sageAccounting()],
  canonicalSource,
  encryption: { keys: { k1: BYTE8_KEY_K1 }, activeKeyId: 'k1' },
  // Unset: the real ledger. For the trial: the simulator, named as the ledger so it is allowed.
  ...(BYTE8_LEDGER_URL ? { ledger: { defaultBaseUrl: BYTE8_LEDGER_URL } } : {}),
});
const requireAdmin = (req, res, next) => (req.get('authorization') === \`Bearer \${ADMIN_TOKEN}\` ? next() : res.status(401).end());
const connector = byte8Express({ byte8, admin: { auth: requireAdmin } });

const app = express();
app.use(connector.router);
app.use('/admin/byte8', connector.adminRouter);
app.post('/invoices', express.json(), async (req, res) => {
  const id = invoices.size + 1;
  const incrementId = String(id).padStart(9, '0');
  invoices.set(id, invoiceFixture({ magento_id: id, increment_id: incrementId }));
  await connector.hooks.invoiceSaved({ before: null, after: { id, incrementId, state: 'open', websiteId: 1, storeId: 1 } });
  res.status(201).json({ id });
});
connector.worker.start();
app.listen(Number(PORT), '127.0.0.1', () => console.log(\`shop listening on http://127.0.0.1:\${PORT}\`));
`;

export function writeFreshExpressApp(app: HostApp): void {
  app.write('package.json', `${JSON.stringify({ name: 'byte8-install-express-shop', version: '0.0.1', private: true, type: 'module' }, null, 2)}\n`);
  app.write('server.mjs', SERVER);
}
