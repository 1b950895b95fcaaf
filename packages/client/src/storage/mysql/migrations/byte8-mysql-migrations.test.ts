import { describe, expect, it } from 'vitest';
import { byte8Migrations } from '../../migrations/byte8-migrations.js';
import { byte8MysqlMigrations } from './byte8-mysql-migrations.js';

describe('the MySQL migrations', () => {
  // A migration added to the PostgreSQL list needs its MySQL twin (or `nothingOnMysql`) under the same name.
  it('have the same names as the PostgreSQL ones, in the same order', async () => {
    const postgres = Object.keys(await byte8Migrations(null).getMigrations());
    const onMysql = Object.keys(await byte8MysqlMigrations('').getMigrations());
    expect(onMysql).toEqual(postgres);
  });
});
