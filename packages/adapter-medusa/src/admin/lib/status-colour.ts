/** StatusBadge colour of a sync status. */
export function statusColour(status: string): 'green' | 'orange' | 'red' | 'grey' | 'blue' {
  switch (status) {
    case 'synced':
      return 'green';
    case 'pending':
      return 'orange';
    case 'failed':
      return 'red';
    case 'skipped':
      return 'blue';
    default:
      return 'grey';
  }
}
