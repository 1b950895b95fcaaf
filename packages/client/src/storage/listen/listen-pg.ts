import type pg from 'pg';
import { OUTBOX_CHANNEL } from '../byte8-tables.js';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * LISTENs on a dedicated pool client (held for as long as the subscription
 * lives). When the connection drops it reconnects with backoff and then calls
 * `onNotify` once, since notifications sent meanwhile are lost.
 */
export async function listenPg(pool: pg.Pool, onNotify: () => void): Promise<() => Promise<void>> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let retryMs = FIRST_RETRY_MS;
  let current: { client: pg.PoolClient; detach: () => void } | null = null;

  const onNotification = (message: pg.Notification) => {
    if (message.channel === OUTBOX_CHANNEL) onNotify();
  };

  const drop = (error?: Error) => {
    if (!current) return;
    const { client, detach } = current;
    current = null;
    detach();
    // The destroyed socket may still report a late error; it must not go unhandled.
    client.on('error', () => {});
    client.release(error ?? true);
  };

  const connect = async (): Promise<void> => {
    const client = await pool.connect();
    // Without an error listener a dropped connection would crash the process.
    const lost = (error?: Error) => {
      if (current?.client !== client) return;
      drop(error);
      if (!stopped) schedule();
    };
    const onEnd = () => lost();
    client.on('error', lost);
    client.on('end', onEnd);
    client.on('notification', onNotification);
    current = {
      client,
      detach: () => {
        client.removeListener('error', lost);
        client.removeListener('end', onEnd);
        client.removeListener('notification', onNotification);
      },
    };
    try {
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      drop(error as Error);
      throw error;
    }
  };

  const schedule = () => {
    timer = setTimeout(async () => {
      timer = null;
      if (stopped) return;
      try {
        await connect();
        retryMs = FIRST_RETRY_MS;
        if (stopped) drop();
        else onNotify();
      } catch {
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        if (!stopped) schedule();
      }
    }, retryMs);
    timer.unref();
  };

  await connect();

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    if (!current) return;
    const { client } = current;
    try {
      await client.query(`UNLISTEN ${OUTBOX_CHANNEL}`);
      if (current?.client === client) {
        current.detach();
        current = null;
        client.release();
      }
    } catch (error) {
      drop(error as Error);
    }
  };
}
