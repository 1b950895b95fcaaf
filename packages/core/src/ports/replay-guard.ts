/** Port: remembers inbound `jti`s until they expire, shared by every instance (wire-contract §3.3.2 step 7). */
export interface ReplayGuard {
  /** Records the jti; returns false when it was already seen and has not expired. */
  remember(jti: string, expiresAt: Date): Promise<boolean>;
  /** Drops expired entries; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}
