/** When every seeded object claims to have been created, so `updated_or_created_since` a recent date skips them. */
export const SEEDED_AT = '2024-01-01T00:00:00Z';
