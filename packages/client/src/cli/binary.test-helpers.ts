import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { silentLogger } from '@byte8/core';
import { createSecretBox } from '../secret-box/create-secret-box.js';
import { PackageTree } from '../providers/provider-packages.test-helpers.js';
import { createStorage } from '../storage/create-storage.js';

const here = dirname(fileURLToPath(import.meta.url));
const clientRoot = resolve(here, '../..');
const repoRoot = resolve(clientRoot, '../..');
/** The compiled `byte8` bin, as installed (`./dist/cli/main.js`). */
export const BINARY = join(clientRoot, 'dist/cli/main.js');

/** A host folder with only the Sage provider installed: where the binary runs unless told otherwise. */
let sageHost: string | null = null;
function sageHostDir(): string {
  if (sageHost === null) {
    const tree = new PackageTree();
    tree.linkWorkspacePackage('sage-accounting');
    process.once('exit', () => tree.remove());
    sageHost = tree.root;
  }
  return sageHost;
}

/** Compiles client and the Sage provider (incremental: quick when up to date). */
export async function buildBinary(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', join(clientRoot, 'tsconfig.json'), join(repoRoot, 'packages/sage-accounting/tsconfig.json')],
    { cwd: repoRoot },
  );
}

export interface BinaryResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BinaryOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
}

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // The simulator runs on 127.0.0.1, a host the connector refuses unless told (as an operator would tell it).
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, BYTE8_LOG_LEVEL: 'warn', BYTE8_ALLOWED_LEDGER_HOSTS: '127.0.0.1' };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

/** A running `byte8` process with its output collected. */
export interface RunningBinary {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once `predicate` holds for stderr (polled). */
  waitForStderr(predicate: (stderr: string) => boolean, timeoutMs?: number): Promise<void>;
  exited: Promise<BinaryResult & { signal: NodeJS.Signals | null }>;
}

export function startBinary(args: readonly string[], options: BinaryOptions = {}): RunningBinary {
  const child = spawn(process.execPath, [BINARY, ...args], { cwd: options.cwd ?? sageHostDir(), env: childEnv(options.env) });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<BinaryResult & { signal: NodeJS.Signals | null }>((resolveExit) => {
    child.on('close', (code, signal) => resolveExit({ code, signal, stdout: out, stderr: err }));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    async waitForStderr(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(err)) {
        if (child.exitCode !== null) throw new Error(`byte8 exited (${child.exitCode}) before the expected output; stderr:\n${err}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for byte8 output; stderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    exited,
  };
}

/** Runs `byte8 ...args` to completion. */
export async function runBinary(args: readonly string[], options: BinaryOptions = {}): Promise<BinaryResult> {
  const { code, stdout, stderr } = await startBinary(args, options).exited;
  return { code, stdout, stderr };
}

/**
 * Writes a host configuration module: PostgreSQL from `HOST_DATABASE_URL`,
 * the Sage provider, and a synthetic host of `HOST_INVOICES` invoices, id i
 * changed at 2024-01-01 + i seconds, every fifth one paid.
 */
export function writeHostConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'byte8-cli-'));
  const sage = pathToFileURL(join(repoRoot, 'packages/sage-accounting/dist/index.js')).href;
  const path = join(dir, 'byte8.config.mjs');
  writeFileSync(
    path,
    `import { sageAccounting } from ${JSON.stringify(sage)};
const N = Number(process.env.HOST_INVOICES ?? '0');
const PAGE_DELAY_MS = Number(process.env.HOST_PAGE_DELAY_MS ?? '0');
const BASE = Date.parse('2024-01-01T00:00:00Z');
const at = (id) => BASE + id * 1000;
const contact = { magento_id: 7, email: 'a@example.test', website_id: 1, addresses: [] };
const invoice = (id) => id >= 1 && id <= N ? {
  magento_id: id, increment_id: String(id).padStart(9, '0'), order_id: id, order_increment_id: String(id),
  website_id: 1, store_id: 1, currency: 'GBP', state: id % 5 === 0 ? 'paid' : 'open', customer: contact, lines: [],
  subtotal: 10, tax_amount: 0, shipping_amount: 0, shipping_tax_amount: 0, discount_amount: 0, grand_total: 10,
  created_at: new Date(at(id)).toISOString().slice(0, 19) + 'Z',
} : null;
// Exclusive on \`since\`; \`afterId\` (when given) admits later ids of the same instant (the port's contract).
function window({ entityType, since, afterId, until }) {
  if (entityType !== 'invoice' || N === 0) return [1, 0];
  const after = (id) => at(id) > since.getTime() || (afterId !== undefined && at(id) === since.getTime() && id > afterId);
  let first = Math.max(1, Math.floor((since.getTime() - BASE) / 1000));
  while (first <= N && !after(first)) first++;
  let last = N;
  if (until) last = Math.min(N, Math.floor((until.getTime() - BASE) / 1000));
  return [first, last];
}
export default {
  storage: { databaseUrl: process.env.HOST_DATABASE_URL },
  providers: [sageAccounting()],
  canonicalSource: {
    invoice: async (id) => invoice(id),
    creditMemo: async () => null,
    customer: async () => null,
    product: async () => null,
    payment: async () => null,
    paymentMethods: async () => [],
    async changedSince(query) {
      if (PAGE_DELAY_MS) await new Promise((r) => setTimeout(r, PAGE_DELAY_MS));
      const [first, last] = window(query);
      const ids = [];
      for (let id = first; id <= last && ids.length < query.limit; id++) ids.push({ id, changedAt: new Date(at(id)) });
      return ids;
    },
    async countChangedSince(query) {
      const [first, last] = window(query);
      return Math.max(0, last - first + 1);
    },
  },
};
`,
  );
  return path;
}

/** Stores a paired Sage connection (development key box, as the CLI uses without `encryption`). */
export async function pairSage(databaseUrl: string, tenant: { tenantId: string; masterKey: string }, ledgerBaseUrl: string): Promise<void> {
  const storage = await createStorage({ databaseUrl });
  try {
    const box = createSecretBox({ logger: silentLogger });
    await storage.connections.setPairingCode('sage_accounting', 'test', new Date());
    await storage.connections.completePairing(
      'sage_accounting',
      'test',
      { tenantId: tenant.tenantId, encryptedMasterKey: box.seal(tenant.masterKey), ledgerBaseUrl },
      new Date(),
    );
  } finally {
    await storage.close();
  }
}
