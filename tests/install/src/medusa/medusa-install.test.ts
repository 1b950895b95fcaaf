import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { freePort } from '../harness/free-port.js';
import { HostApp, type PackageManager } from '../harness/host-app.js';
import { LedgerSimulatorProcess } from '../harness/ledger-simulator.js';
import { ReadmeBlocks } from '../harness/readme-blocks.js';
import { type ScratchDatabase, createScratchDatabase } from '../harness/scratch-database.js';
import { sequentialSteps } from '../harness/sequential-steps.js';
import { waitFor } from '../harness/start-service.js';
import { Timings } from '../harness/timings.js';
import { BYTE8_TABLES } from '../harness/byte8-tables.js';
import { WORKSPACE_ROOT } from '../harness/workspace-root.js';
import { MedusaAdmin } from './medusa-admin.js';
import { writeFreshMedusaApp } from './medusa-app.js';

/**
 * packages/adapter-medusa/README.md, followed in a fresh Medusa 2.21 app
 * outside the workspace: install the packed tarballs, make the key, register
 * the plugin with the README's medusa-config.ts, migrate, start Medusa and the
 * simulator, pair through the admin API, place an order and see its invoice
 * synced. pnpm (the strict layout) also builds the admin; npm runs the worker
 * as its own process (the README's byte8.config.mjs).
 */
const readme = new ReadmeBlocks(join(WORKSPACE_ROOT, 'packages/adapter-medusa/README.md'));
const VENDORED = ['@byte8/adapter-medusa', '@byte8/client', '@byte8/sage-accounting', '@byte8/core', '@byte8/testkit'];
// What the plugin's admin bundle imports; pnpm links peers beside the package, where the bundler resolves them.
const ADMIN_PEERS = ['@medusajs/admin-sdk', '@medusajs/admin-shared', '@medusajs/ui', 'react', '@medusajs/framework', '@medusajs/medusa'];
const ADMIN = { email: 'admin@byte8.test', password: 'install-test-password' };
const INSTALL_LINES: Record<PackageManager, string[]> = {
  npm: ['npm install ./vendor/byte8-adapter-medusa.tgz', 'npm install --save-dev ./vendor/byte8-testkit.tgz'],
  pnpm: ['pnpm add ./vendor/byte8-adapter-medusa.tgz', 'pnpm add --save-dev ./vendor/byte8-testkit.tgz'],
};
const timings = new Timings();

afterAll(() => {
  console.log(`Medusa install timings:\n${timings.report()}`);
});

for (const pm of ['pnpm', 'npm'] as const) {
  describe.sequential(`a fresh Medusa app, installed with ${pm}`, () => {
    const ownWorker = pm === 'npm';
    const steps = sequentialSteps();
    let app: HostApp;
    let database: ScratchDatabase;
    let port: number;
    let sim: LedgerSimulatorProcess;
    let admin: MedusaAdmin;
    let tenantId: unknown;
    const time = (step: string, work: () => Promise<void>) => timings.time(`medusa/${pm}`, step, work);

    beforeAll(async () => {
      app = new HostApp(`medusa-${pm}`);
      database = await createScratchDatabase(`medusa_${pm}`);
      port = await freePort();
      // The install commands as written; npm's flags for CI logs and a warm cache come from its environment.
      app.env = { ...app.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true', PORT: String(port) };
    });

    afterAll(async () => {
      await app?.close(steps.failed);
      await database?.drop();
    });

    steps.step('installs the tarballs as the README says, without vitest', () =>
      time('install', async () => {
        writeFreshMedusaApp(app, { databaseUrl: database.url, port });
        app.vendor(inject('tarballs'), VENDORED);
        if (pm === 'pnpm') app.write('pnpm-workspace.yaml', readme.file('# pnpm-workspace.yaml'));
        for (const prefix of INSTALL_LINES[pm]) await app.sh(readme.line(prefix), 900_000);

        for (const bin of ['medusa', 'byte8', 'byte8-ledger-sim']) expect(app.has(`node_modules/.bin/${bin}`), bin).toBe(true);
        // The simulator's package does not bring a test runner (vitest is an optional peer).
        expect(app.has('node_modules/vitest')).toBe(false);
        if (pm === 'pnpm') {
          expect(readdirSync(join(app.dir, 'node_modules/.pnpm')).some((entry) => entry.startsWith('vitest@'))).toBe(false);
          const besidePlugin = dirname(dirname(realpathSync(join(app.dir, 'node_modules/@byte8/adapter-medusa'))));
          for (const peer of ADMIN_PEERS) expect(existsSync(join(besidePlugin, peer)), `${peer} linked beside the plugin`).toBe(true);
        }
      }),
    900_000);

    steps.step('makes BYTE8_KEY_K1 with the README command: 32 random bytes, base64', () =>
      time('key', async () => {
        await app.sh(readme.line('echo "BYTE8_KEY_K1='));
        const key = /^BYTE8_KEY_K1=(.+)$/m.exec(readFileSync(join(app.dir, '.env'), 'utf8'))?.[1];
        expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
      }),
    );

    steps.step('registers the plugin with the README medusa-config.ts and migrates: every byte8_* table', () =>
      time('db:migrate', async () => {
        let config = readme.file('// medusa-config.ts');
        if (ownWorker) {
          // "The worker as its own process": the drain job off, `byte8 worker` beside Medusa.
          const registration = "providers: ['sage_accounting'],";
          expect(config).toContain(registration);
          config = config.replace(registration, `${registration}\n        worker: { inJob: false },`);
          app.write('byte8.config.mjs', readme.file('// byte8.config.mjs'));
        }
        app.write('medusa-config.ts', config);
        await app.sh(readme.line('npx medusa db:migrate'), 300_000);
        const tables = await database.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_name like 'byte8\\_%' order by table_name",
        );
        expect(tables.map((row) => row.table_name)).toEqual(BYTE8_TABLES);
      }),
    300_000);

    if (pm === 'pnpm') {
      steps.step("builds Medusa's admin with the plugin's widgets and settings page", () =>
        time('medusa build --admin-only', async () => {
          await app.run('npx', ['medusa', 'build', '--admin-only'], 300_000);
          const assets = join(app.dir, '.medusa/admin/assets');
          const bundle = readdirSync(assets)
            .filter((file) => file.endsWith('.js'))
            .map((file) => readFileSync(join(assets, file), 'utf8'))
            .join('\n');
          expect(bundle).toContain('Accounting (Byte8)');
          for (const zone of ['order.details.side.after', 'customer.details.side.after', 'product.details.side.after']) expect(bundle).toContain(zone);
        }),
      300_000);
    }

    steps.step(`starts Medusa (npx medusa develop)${ownWorker ? ', the worker (npx byte8 worker)' : ''} and the simulator (npx byte8-ledger-sim)`, () =>
      time('start', async () => {
        await app.run('npx', ['medusa', 'user', '-e', ADMIN.email, '-p', ADMIN.password], 180_000);
        sim = await LedgerSimulatorProcess.start(app);
        // The README's trial line names the simulator as the ledger; here it listens on a free port.
        await app.sh(readme.line('echo "BYTE8_LEDGER_URL=').replace('http://127.0.0.1:4455', sim.url));
        const [npx, ...develop] = readme.line('npx medusa develop').split(' ');
        const medusa = app.start(npx!, develop);
        if (ownWorker) app.start('npx', readme.line('npx byte8 worker').split(' ').slice(1));
        await waitFor(
          'Medusa to answer /health',
          async () => (await fetch(`http://localhost:${port}/health`)).ok,
          240_000,
          () => medusa.output(),
        );
        admin = await MedusaAdmin.login(`http://localhost:${port}`, ADMIN.email, ADMIN.password);
      }),
    300_000);

    steps.step('pairs: a code from POST /admin/byte8/pairing-code and the base URL, entered at the simulator', () =>
      time('pair', async () => {
        expect((await admin.request('GET', '/admin/byte8/pairing-code')).status).toBe(404);
        const issued = await admin.ok<{ provider: string; code: string }>('POST', '/admin/byte8/pairing-code', {});
        expect(issued).toMatchObject({ provider: 'sage_accounting', code: expect.stringMatching(/^[0-9a-f]{32}$/) });
        const paired = await sim.connect(`http://localhost:${port}`, issued.code);
        expect(paired.status, JSON.stringify(paired.body)).toBe(200);
        const { providers } = await admin.ok<{ providers: Array<{ connection: { connected: boolean; tenantId: string; ledgerBaseUrl: string } }> }>(
          'GET',
          '/admin/byte8/status',
        );
        tenantId = paired.body.tenant_id;
        expect(providers[0]!.connection).toMatchObject({ connected: true, tenantId, ledgerBaseUrl: sim.url });
      }),
    );

    steps.step('an order placed in the admin shows its invoice synced, delivered once', () =>
      time('order to synced', async () => {
        const order = await admin.placeOrder('ada@byte8.test');
        type Documents = { invoice: Array<{ documents: Array<{ status: string; label: string }> }> };
        const invoice = await waitFor(
          `order ${order.id}'s invoice to sync`,
          async () => {
            const statuses = await admin.ok<Documents>('GET', `/admin/byte8/orders/${order.id}`);
            const document = statuses.invoice[0]?.documents[0];
            return document?.status === 'synced' ? document : null;
          },
          90_000,
          () => readFileSync(app.log, 'utf8'),
        );
        expect(invoice.label).toBe(`Invoice #${order.displayId}`);
        // The README's `byte8 status` against Medusa's database, its DATABASE_URL read from .env.
        const { stdout } = await app.sh(`${readme.line('set -a && . ./.env')} && ${readme.line('npx byte8 status --database-url')}`);
        expect(stdout).toContain(`connected, tenant ${tenantId}`);
        expect(stdout).toMatch(/outbox: +0 pending, 1 succeeded, 0 dead-lettered/);
      }),
    120_000);
  });
}
