import { createThrowawayMysqlDatabase } from '@byte8/testkit';
import { workerCrashDrill } from './harness/worker-crash-drill.js';

/** MariaDB 10.6+ / MySQL 8.0.1+ server the throwaway database is created on. */
const MYSQL_BASE_URL = process.env.BYTE8_TEST_MYSQL_URL?.trim() || 'mysql://root@127.0.0.1:3306/test';

// The PostgreSQL drill on MySQL: the claim's FOR UPDATE SKIP LOCKED and its leases must hand every
// row out again after a kill, and never to two workers at once. No NOTIFY there: the worker finds
// rows by polling, every 100 ms in the drill.
workerCrashDrill({
  name: 'worker-crash-mysql',
  title: 'worker crashes on MySQL (SIGKILL of `byte8 worker` mid-drain)',
  dialect: 'mysql',
  database: () => createThrowawayMysqlDatabase(MYSQL_BASE_URL),
});
