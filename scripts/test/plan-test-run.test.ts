import { describe, expect, it } from 'vitest';
import { BROWSER_SUITES, MEDUSA_SUITES, MYSQL_VARIANTS, PG_VARIANTS, planTestRun } from './plan-test-run.mjs';
import { DEFAULT_TEST_MYSQL_URL, probeMysql } from './probe-mysql.mjs';
import { DEFAULT_TEST_PG_URL, postgresTargets } from './postgres-targets.mjs';
import { probePostgres } from './probe-postgres.mjs';

const reachable = async () => null;
const nowhere = async (url: string) => `nothing listens on ${new URL(url).host}`;
const chromium = () => true;

describe('postgresTargets', () => {
  it('defaults every suite to the local server, with localhost for Medusa (it forces TLS otherwise)', () => {
    const targets = postgresTargets({});
    expect(targets.storeUrl).toBe(DEFAULT_TEST_PG_URL);
    expect(targets.medusa).toEqual({ DB_HOST: 'localhost', DB_PORT: '5432', DB_USERNAME: 'postgres', DB_PASSWORD: 'postgres' });
  });

  it('takes Medusa’s unset DB_* from BYTE8_TEST_PG_URL and keeps the ones set', () => {
    const targets = postgresTargets({ BYTE8_TEST_PG_URL: 'postgres://ci:s%40cret@127.0.0.1:6543/postgres', DB_PASSWORD: 'other' });
    expect(targets.medusa).toEqual({ DB_HOST: 'localhost', DB_PORT: '6543', DB_USERNAME: 'ci', DB_PASSWORD: 'other' });
    expect(postgresTargets({ BYTE8_TEST_PG_URL: 'postgres://db.internal:5432/x' }).medusa.DB_HOST).toBe('db.internal');
  });

  it('refuses a variable that is not a postgres URL, naming it', () => {
    expect(() => postgresTargets({ BYTE8_TEST_PG_URL: 'mysql://x' })).toThrow(/BYTE8_TEST_PG_URL must be a postgres:\/\/ URL/);
    expect(() => postgresTargets({ BYTE8_TEST_PG_URL: 'not a url' })).toThrow(/BYTE8_TEST_PG_URL is not a URL/);
  });
});

describe('planTestRun', () => {
  it('runs every PostgreSQL suite when the server answers', async () => {
    const plan = await planTestRun({ PATH: '/bin', BYTE8_TEST_SKIP_MEDUSA_APP: 'stale' }, reachable, chromium);
    expect(plan.skips).toEqual([]);
    expect(plan.env).toMatchObject({
      PATH: '/bin',
      BYTE8_TEST_PG_URL: DEFAULT_TEST_PG_URL,
      BYTE8_TEST_MYSQL_URL: DEFAULT_TEST_MYSQL_URL,
      DB_HOST: 'localhost',
      DB_USERNAME: 'postgres',
    });
    expect(plan.env.BYTE8_TEST_SKIP_MEDUSA_APP).toBeUndefined();
  });

  it('skips both, with the reason, when nothing answers, and leaves the caller’s env alone', async () => {
    const env = { BYTE8_TEST_PG_URL: 'postgres://postgres@127.0.0.1:1/postgres', BYTE8_TEST_MYSQL_URL: 'mysql://root@127.0.0.1:2/test' };
    const plan = await planTestRun(env, nowhere, chromium);
    expect(plan.skips).toEqual([
      { suite: PG_VARIANTS, reason: 'nothing listens on 127.0.0.1:1' },
      { suite: MYSQL_VARIANTS, reason: 'nothing listens on 127.0.0.1:2' },
      { suite: MEDUSA_SUITES, reason: 'nothing listens on localhost:1' },
    ]);
    expect(plan.env.BYTE8_TEST_PG_URL).toBeUndefined();
    expect(plan.env.BYTE8_TEST_MYSQL_URL).toBeUndefined();
    expect(plan.env.BYTE8_TEST_SKIP_MEDUSA_APP).toBe('nothing listens on localhost:1');
    expect(env).toEqual({ BYTE8_TEST_PG_URL: 'postgres://postgres@127.0.0.1:1/postgres', BYTE8_TEST_MYSQL_URL: 'mysql://root@127.0.0.1:2/test' });
  });

  it('refuses a BYTE8_TEST_MYSQL_URL that is not a mysql URL, naming it', async () => {
    await expect(planTestRun({ BYTE8_TEST_MYSQL_URL: 'postgres://x/y' }, reachable, chromium)).rejects.toThrow(
      /BYTE8_TEST_MYSQL_URL must be a mysql:\/\/ URL/,
    );
  });

  it('probes Medusa’s login on its own, so DB_* may point elsewhere', async () => {
    const probed: string[] = [];
    const plan = await planTestRun(
      { DB_PORT: '1' },
      async (url) => {
        probed.push(url);
        return url.includes(':1/') ? 'nothing listens on localhost:1' : null;
      },
      chromium,
    );
    expect(probed).toHaveLength(3);
    expect(probed).toContain(DEFAULT_TEST_MYSQL_URL);
    expect(plan.skips.map((s: { suite: string }) => s.suite)).toEqual([MEDUSA_SUITES]);
    expect(plan.env.BYTE8_TEST_PG_URL).toBe(DEFAULT_TEST_PG_URL);
  });
});

describe('planTestRun without Chromium', () => {
  it('skips the browser walkthroughs, saying where it looked', async () => {
    const plan = await planTestRun({}, reachable, () => false);
    expect(plan.skips).toEqual([{ suite: BROWSER_SUITES, reason: 'no Chromium at /usr/bin/chromium' }]);
    expect(plan.env.BYTE8_TEST_SKIP_BROWSER).toBe('no Chromium at /usr/bin/chromium');
  });
});

describe('probeMysql', () => {
  it('says in one line that nothing listens on a closed port', async () => {
    expect(await probeMysql('mysql://root@127.0.0.1:1/test')).toBe('nothing listens on 127.0.0.1:1');
  });

  it.runIf(process.env.BYTE8_TEST_MYSQL_URL)('logs in to a live server', async () => {
    expect(await probeMysql(process.env.BYTE8_TEST_MYSQL_URL!)).toBeNull();
  });

  it.runIf(process.env.BYTE8_TEST_MYSQL_URL)('names a refused login without the password', async () => {
    const url = new URL(process.env.BYTE8_TEST_MYSQL_URL!);
    url.username = 'no_such_user_byte8';
    url.password = 'hunter2';
    const reason = await probeMysql(url.toString());
    expect(reason).toMatch(/^MySQL at .+ (refused the login|is not usable)/);
    expect(reason).not.toContain('hunter2');
  });
});

describe('probePostgres', () => {
  it('says in one line that nothing listens on a closed port', async () => {
    expect(await probePostgres('postgres://postgres@127.0.0.1:1/postgres')).toBe('nothing listens on 127.0.0.1:1');
  });

  it.runIf(process.env.BYTE8_TEST_PG_URL)('logs in to a live server', async () => {
    expect(await probePostgres(process.env.BYTE8_TEST_PG_URL!)).toBeNull();
  });

  it.runIf(process.env.BYTE8_TEST_PG_URL)('names a refused login without the password', async () => {
    const url = new URL(process.env.BYTE8_TEST_PG_URL!);
    url.username = 'no_such_role_byte8';
    url.password = 'hunter2';
    const reason = await probePostgres(url.toString());
    expect(reason).toMatch(/^PostgreSQL at .+ (refused the login|is not usable)/);
    expect(reason).not.toContain('hunter2');
  });
});
