/** One hour of the dashboard's chart. */
export interface ActivityHour {
  /** Start of the hour (UTC). */
  readonly hourStart: Date;
  readonly delivered: number;
  /** Documents the ledger reported failed, plus deliveries it refused. */
  readonly failed: number;
}

/** What a bookkeeper reads off the dashboard for one provider (design §5 Admin). */
export interface ActivityFigures {
  /** Events the ledger accepted since `since` (the start of the day, UTC). */
  readonly deliveredSince: number;
  readonly pending: number;
  /** Documents whose latest callback said `failed`, in the last 24 hours. */
  readonly failedAtLedger24h: number;
  /** Deliveries dead-lettered (refused with a 4xx, or out of retries) in the last 24 hours. */
  readonly refused24h: number;
  /** `created_at` of the oldest pending event. */
  readonly oldestPendingAt: Date | null;
  /** When the ledger last accepted an event. */
  readonly lastDeliveredAt: Date | null;
  /** The 24 hours up to `now`, oldest first. */
  readonly hours: readonly ActivityHour[];
}

/** Port: aggregate reads over the outbox and the mirror for the admin's figures. */
export interface ActivityStore {
  figures(provider: string, window: { readonly now: Date; readonly since: Date }): Promise<ActivityFigures>;
}
