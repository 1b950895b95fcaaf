import type { OAuthBusiness, OAuthConnectionRecord } from '@byte8/core';

/**
 * The business a new grant posts to: on a reconnect (the connection was still
 * held) the one chosen before, if the user still reaches it; else the user's
 * only one; else none yet (the admin asks). After a disconnect it is asked again.
 */
export function businessForGrant(businesses: readonly OAuthBusiness[] | null, held: OAuthConnectionRecord | null): OAuthBusiness | null {
  const previous = held?.status === 'connected' || held?.status === 'reconnect_needed' ? held.business : null;
  return businesses?.find((candidate) => candidate.id === previous?.id) ?? (businesses?.length === 1 ? businesses[0]! : null);
}
