import { createHash } from 'node:crypto';

/**
 * `byte8_jti:` + sha1 hex of the jti: the replay-cache key the host uses
 * (wire-contract §3.3.2 step 7). The simulator keys its own outbound replay
 * cache the same way.
 */
export function jtiReplayKey(jti: string): string {
  return `byte8_jti:${createHash('sha1').update(jti, 'utf8').digest('hex')}`;
}
