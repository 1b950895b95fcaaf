export declare const DEFAULT_TEST_PG_URL: string;
export interface MedusaDbSettings {
  readonly DB_HOST: string;
  readonly DB_PORT: string;
  readonly DB_USERNAME: string;
  readonly DB_PASSWORD: string;
}
export declare function postgresTargets(env: Readonly<Record<string, string | undefined>>): {
  readonly storeUrl: string;
  readonly medusa: MedusaDbSettings;
  readonly medusaUrl: string;
};
export declare function serverOf(url: string): string;
