interface Hour {
  readonly hourStart: string;
  readonly delivered: number;
  readonly failed: number;
}

const BAR = 10;
const GAP = 2;
const HEIGHT = 48;

/** The last 24 hours as bars: delivered in green, failed or refused stacked on top in red (no chart library). */
export function ActivityChart({ hours }: { hours: readonly Hour[] }) {
  const peak = Math.max(1, ...hours.map((h) => h.delivered + h.failed));
  const delivered = hours.reduce((n, h) => n + h.delivered, 0);
  const failed = hours.reduce((n, h) => n + h.failed, 0);
  return (
    <svg role="img" aria-label={`Last 24 hours: ${delivered} delivered, ${failed} failed or refused.`} width={hours.length * (BAR + GAP)} height={HEIGHT}>
      {hours.map((hour, index) => {
        const ok = Math.round((hour.delivered / peak) * HEIGHT);
        const bad = Math.round((hour.failed / peak) * HEIGHT);
        const x = index * (BAR + GAP);
        return (
          <g key={hour.hourStart}>
            <title>{`${hour.hourStart.slice(11, 16)} UTC: ${hour.delivered} delivered, ${hour.failed} failed`}</title>
            <rect x={x} y={0} width={BAR} height={HEIGHT} fill="transparent" />
            {ok > 0 && <rect x={x} y={HEIGHT - ok} width={BAR} height={ok} fill="#1f7a1f" />}
            {bad > 0 && <rect x={x} y={HEIGHT - ok - bad} width={BAR} height={bad} fill="#b3261e" />}
          </g>
        );
      })}
    </svg>
  );
}
