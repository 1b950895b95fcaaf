// A worker process of the refresh race: its own pool on the shared database, its own clock, the same
// secret key ring. Prints `{"ready":...}`, waits for a line on stdin, takes an access token and calls
// Sage with it, prints the outcome as one JSON line and exits.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { AesGcmSecretBox, createStorage, systemRandom } from '@byte8/client';
import { silentLogger } from '@byte8/core';
import { sageDirect } from './sage-direct.js';

interface RaceWorkerConfig {
  readonly databaseUrl: string;
  readonly clockOffsetMs: number;
  readonly ring: { keys: Record<string, string>; activeKeyId: string };
  readonly sage: Parameters<typeof sageDirect>[0];
}

const config = JSON.parse(process.argv[2]!) as RaceWorkerConfig;
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const clock = { now: () => new Date(Date.now() + config.clockOffsetMs) };
const storage = await createStorage({ databaseUrl: config.databaseUrl, migrate: false, clock });
const sage = sageDirect(config.sage).attach({
  oauthConnections: storage.oauthConnections,
  secretBox: new AesGcmSecretBox(config.ring),
  clock,
  random: systemRandom,
  logger: silentLogger,
});
const seen = await storage.oauthConnections.get(sage.provider);
say({ ready: true, pid: process.pid, expired: (seen?.tokens?.accessTokenExpiresAt.getTime() ?? 0) <= clock.now().getTime() });
await once(process.stdin, 'data');
const started = performance.now();
try {
  const access = await sage.tokens.access();
  const waitedMs = Math.round(performance.now() - started);
  const answer = await sage.api.get('/user');
  say({ ok: true, waitedMs, status: answer.status, token: createHash('sha256').update(access.accessToken).digest('hex') });
} catch (error) {
  const { name, message, failure } = error as { name: string; message: string; failure?: string };
  say({ ok: false, name, failure: failure ?? null, message });
} finally {
  await sage.close();
  await storage.close();
}
