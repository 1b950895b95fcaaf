import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { completeSageConsent } from '../sage-api/consent-driver.js';
import { s256Challenge } from '../sage-api/oauth/pkce.js';
import { SAGE_DEMO_CLIENT } from '../sage-api/sage-api-options.js';
import { SAGE_SEED } from '../sage-api/seed/seeded-accounts.js';
import { parseSageSimArgs } from './parse-sage-sim-args.js';
import { runSageSim } from './run-sage-sim.js';

const LOADER = fileURLToPath(new URL('./ts-source-loader.test-helpers.mjs', import.meta.url));
const ENTRY = fileURLToPath(new URL('./sage-sim.ts', import.meta.url));

/** Starts `byte8-sage-sim` as a child process from the TypeScript sources. */
function startCommand(args: string[]): { child: ChildProcessWithoutNullStreams; lines: string[]; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--conditions=source', '--import', LOADER, ENTRY, ...args], { stdio: 'pipe' });
  const lines: string[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => lines.push(`stderr: ${chunk.toString('utf8')}`));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exit };
}

const printed = (lines: readonly string[], label: string) =>
  lines
    .find((line) => line.trimStart().startsWith(label))
    ?.trim()
    .slice(label.length)
    .trim();

let running: ChildProcessWithoutNullStreams | null = null;
afterEach(() => {
  if (running !== null && running.exitCode === null) running.kill('SIGKILL');
  running = null;
});

describe('byte8-sage-sim (a real child process)', () => {
  it('prints its URLs and client, serves /v3.1/businesses/lead with a token from the flow, logs requests and exits 0 on SIGTERM', async () => {
    const redirect = 'http://127.0.0.1:9/connector/callback';
    const { child, lines, exit } = startCommand(['--client-id', 'cli-client', '--client-secret', 'cli-secret', '--redirect-uri', redirect, '--redirect-uri', 'http://localhost:9/cb', '--rate-limit', '500/10']);
    running = child;
    await expect.poll(() => lines.some((line) => line.includes('user ') && line.includes('Morgan')), { timeout: 20_000 }).toBe(true);
    const origin = /^byte8-sage-sim listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!)![1]!;
    expect(printed(lines, 'authorize URL')).toBe(`${origin}/oauth2/auth/central?filter=apiv3.1`);
    expect(printed(lines, 'token URL')).toBe(`${origin}/token`);
    expect(printed(lines, 'revoke URL')).toBe(`${origin}/revoke`);
    expect(printed(lines, 'API base')).toBe(`${origin}/v3.1`);
    expect(printed(lines, 'client id')).toBe('cli-client');
    expect(printed(lines, 'client secret')).toBe('cli-secret');
    expect(lines.filter((line) => line.includes('redirect URI'))).toHaveLength(2);

    const verifier = 'cli-test-verifier-0123456789-0123456789-abcdef';
    const authorize = new URL(printed(lines, 'authorize URL')!);
    for (const [name, value] of Object.entries({ client_id: 'cli-client', response_type: 'code', redirect_uri: redirect, state: 's1', code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' })) {
      authorize.searchParams.set(name, value);
    }
    const { location } = await completeSageConsent({ authorizeUrl: authorize.toString(), userId: SAGE_SEED.users.solo.id });
    const code = new URL(location!).searchParams.get('code')!;
    const token = await fetch(`${origin}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ client_id: 'cli-client', client_secret: 'cli-secret', grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: verifier }).toString(),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const lead = await fetch(`${origin}/v3.1/businesses/lead`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(lead.status).toBe(200);
    expect(((await lead.json()) as { id: string }).id).toBe(SAGE_SEED.businesses.solo.id);

    await expect.poll(() => lines.some((line) => line.startsWith('GET /v3.1/businesses/lead 200'))).toBe(true);
    expect(lines.find((line) => line.startsWith('GET /v3.1/businesses/lead'))).toBe(`GET /v3.1/businesses/lead 200 business=${SAGE_SEED.businesses.solo.id}`);
    expect(lines.some((line) => line.startsWith('POST /token 200 business=-'))).toBe(true);
    const output = lines.join('\n');
    expect(output).not.toContain(access_token);
    expect(output).not.toContain(code);

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(lines.at(-1)).toBe('byte8-sage-sim stopped (SIGTERM)');
    await expect(fetch(`${origin}/v3.1/businesses/lead`)).rejects.toThrow();
  });

  it('refuses a bad flag with exit code 2', async () => {
    const { child, lines, exit } = startCommand(['--rate-limit', 'lots']);
    running = child;
    expect(await exit).toBe(2);
    expect(lines.join('\n')).toContain('--rate-limit must be');
  });
});

describe('byte8-sage-sim (in process)', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line), signals: new EventEmitter() } };
  };

  it('stops on SIGINT too', async () => {
    const t = io();
    const done = runSageSim([], t.io);
    await expect.poll(() => t.out.length).toBeGreaterThan(5);
    expect(t.out).toContain(`  client id      ${SAGE_DEMO_CLIENT.clientId}`);
    t.io.signals.emit('SIGINT');
    expect(await done).toBe(0);
    expect(t.out.at(-1)).toBe('byte8-sage-sim stopped (SIGINT)');
  });

  it('exits 1 when the port is taken', async () => {
    const first = io();
    const running = runSageSim([], first.io);
    await expect.poll(() => first.out.length).toBeGreaterThan(0);
    const port = new URL(first.out[0]!.split(' ').at(-1)!).port;
    const second = io();
    expect(await runSageSim(['--port', port], second.io)).toBe(1);
    expect(second.err[0]).toMatch(/EADDRINUSE/);
    first.io.signals.emit('SIGTERM');
    await running;
  });

  it('refuses bad flags with exit code 2 and the usage, and prints help', async () => {
    for (const argv of [['--port', 'x'], ['--port', '70000'], ['--rate-limit', '5/0'], ['--redirect-uri', 'not a uri'], ['--client-id', ''], ['--bogus']]) {
      const t = io();
      expect(await runSageSim(argv, t.io), argv.join(' ')).toBe(2);
      expect(t.err[0]).toMatch(/^byte8-sage-sim: /);
      expect(t.err[1]).toContain('Usage: byte8-sage-sim');
    }
    const help = io();
    expect(await runSageSim(['-h'], help.io)).toBe(0);
    expect(help.out[0]).toContain('--redirect-uri <uri>');
  });

  it('parses flags into simulator settings', () => {
    expect(parseSageSimArgs(['--port', '4466', '--host', '0.0.0.0', '--rate-limit', '100'])).toMatchObject({
      port: 4466,
      host: '0.0.0.0',
      rateLimit: { requests: 100, windowMs: 60_000 },
      client: SAGE_DEMO_CLIENT,
    });
    expect(parseSageSimArgs(['--rate-limit', '0'])).toMatchObject({ rateLimit: null });
    expect(parseSageSimArgs(['--rate-limit', '5/2'])).toMatchObject({ rateLimit: { requests: 5, windowMs: 2000 } });
  });
});
