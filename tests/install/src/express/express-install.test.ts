import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { byte8Status } from '../harness/byte8-cli.js';
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
import { writeFreshExpressApp } from './express-app.js';

/**
 * packages/adapter-express/README.md's tarball install, in a fresh Express app
 * outside the workspace: migrate and issue the pairing code with the `byte8`
 * command, pair with `byte8-ledger-sim`, save an invoice and see it synced on
 * the admin pages.
 */
const readme = new ReadmeBlocks(join(WORKSPACE_ROOT, 'packages/adapter-express/README.md'));
const VENDORED = ['@byte8/adapter-express', '@byte8/client', '@byte8/sage-accounting', '@byte8/core', '@byte8/testkit'];
const INSTALL_LINES: Record<PackageManager, string[]> = {
  npm: ['npm install ./vendor/byte8-adapter-express.tgz', 'npm install --save-dev ./vendor/byte8-testkit.tgz'],
  pnpm: ['pnpm add ./vendor/byte8-adapter-express.tgz', 'pnpm add --save-dev ./vendor/byte8-testkit.tgz'],
};
const ADMIN_TOKEN = 'install-test-admin-token';
const timings = new Timings();

afterAll(() => {
  console.log(`Express install timings:\n${timings.report()}`);
});

for (const pm of ['npm', 'pnpm'] as const) {
  describe.sequential(`a fresh Express app, installed with ${pm}`, () => {
    const steps = sequentialSteps();
    let app: HostApp;
    let database: ScratchDatabase;
    let shopUrl: string;
    let sim: LedgerSimulatorProcess;
    const time = (step: string, work: () => Promise<void>) => timings.time(`express/${pm}`, step, work);
    const admin = (path: string, token = ADMIN_TOKEN) => fetch(`${shopUrl}/admin/byte8${path}`, { headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      app = new HostApp(`express-${pm}`);
      database = await createScratchDatabase(`express_${pm}`);
      const port = await freePort();
      shopUrl = `http://127.0.0.1:${port}`;
      app.env = {
        ...app.env,
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_prefer_offline: 'true',
        PORT: String(port),
        DATABASE_URL: database.url,
        BYTE8_KEY_K1: Buffer.alloc(32, 7).toString('base64'),
        ADMIN_TOKEN,
      };
    });

    afterAll(async () => {
      await app?.close(steps.failed);
      await database?.drop();
    });

    steps.step('installs the tarballs as the README says, without vitest', () =>
      time('install', async () => {
        writeFreshExpressApp(app);
        app.vendor(inject('tarballs'), VENDORED);
        if (pm === 'pnpm') app.write('pnpm-workspace.yaml', readme.file('# pnpm-workspace.yaml'));
        for (const prefix of INSTALL_LINES[pm]) await app.sh(readme.line(prefix), 300_000);
        for (const bin of ['byte8', 'byte8-ledger-sim']) expect(app.has(`node_modules/.bin/${bin}`), bin).toBe(true);
        expect(app.has('node_modules/vitest')).toBe(false);
      }),
    300_000);

    steps.step('migrates with npx byte8 migrate', () =>
      time('byte8 migrate', async () => {
        await app.sh(readme.line('npx byte8 migrate'));
        const tables = await database.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_name like 'byte8\\_%' order by table_name",
        );
        expect(tables.map((row) => row.table_name)).toEqual(BYTE8_TABLES);
      }),
    );

    steps.step('starts the shop and the simulator, and pairs with a code from npx byte8 pair-code', () =>
      time('start and pair', async () => {
        sim = await LedgerSimulatorProcess.start(app);
        app.env = { ...app.env, BYTE8_LEDGER_URL: sim.url };
        const shop = app.start('node', ['server.mjs']);
        await waitFor('the shop to listen', async () => shop.output().includes('shop listening'), 60_000, () => shop.output());
        const { stdout } = await app.sh(readme.line('npx byte8 pair-code'));
        const code = stdout.trim();
        expect(code).toMatch(/^[0-9a-f]{32}$/);
        const paired = await sim.connect(shopUrl, code);
        expect(paired.status, JSON.stringify(paired.body)).toBe(200);
      }),
    );

    steps.step('a saved invoice shows synced on the admin pages, delivered once', () =>
      time('invoice to synced', async () => {
        expect((await admin('/invoices', 'wrong')).status).toBe(401);
        const saved = await fetch(`${shopUrl}/invoices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        expect(saved.status).toBe(201);
        const { id } = (await saved.json()) as { id: number };
        // The chip on the invoice's detail block (the stylesheet names the class too, without the quote).
        const chip = (page: string) => /class="byte8-sync-chip byte8-sync-chip--(\w+)"/.exec(page)?.[1];
        const synced = async () => chip(await (await admin(`/invoices/${id}`)).text()) === 'synced';
        await waitFor(`invoice ${id} to show synced`, synced, 60_000, () => sim.service.output());
        const [status] = await byte8Status(app, database.url);
        expect(status).toMatchObject({ provider: 'sage_accounting', connected: true, outbox: { pending: 0, succeeded: 1, deadLettered: 0 } });
      }),
    );
  });
}
