import { describe, expect, it } from 'vitest';
import { byte8Migrations } from '../../migrations/byte8-migrations.js';
import { byte8MysqlMigrations, nothingOnMysql } from './byte8-mysql-migrations.js';

describe('the MySQL migrations', () => {
  // A migration added to the PostgreSQL list needs its MySQL twin (or `nothingOnMysql`) under the same name.
  it('have the same names as the PostgreSQL ones, in the same order', async () => {
    const postgres = Object.keys(await byte8Migrations(null).getMigrations());
    const onMysql = await byte8MysqlMigrations('').getMigrations();
    expect(Object.keys(onMysql).filter((name) => postgres.includes(name))).toEqual(postgres);
    // A MySQL list may run ahead only by a migration that does nothing there (a PostgreSQL-only
    // change whose PostgreSQL side is not in this build yet); anything real must exist on both.
    const ahead = Object.keys(onMysql).filter((name) => !postgres.includes(name));
    for (const name of ahead) expect(onMysql[name], `${name} exists only on MySQL`).toBe(nothingOnMysql);
  });

  it('keep the names in run order', async () => {
    const names = Object.keys(await byte8MysqlMigrations('').getMigrations());
    expect(names).toEqual([...names].sort());
    expect(names).toContain('0007_outbox_fillfactor');
    expect(names).toContain('0008_entity_xref');
  });
});
