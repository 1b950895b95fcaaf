import { defineRouteConfig } from '@medusajs/admin-sdk';
import { Button, Container, Copy, Heading, StatusBadge, Text, toast } from '@medusajs/ui';
import { useCallback, useEffect, useState } from 'react';
import { byte8Fetch } from '../../../lib/byte8-fetch';
import { type Figures, ProviderFigures } from '../../../lib/provider-figures';

interface ProviderStatus {
  readonly key: string;
  readonly name: string;
  readonly connection: { readonly state: string; readonly label: string; readonly detail: string | null; readonly connected: boolean; readonly tenantId: string | null; readonly ledgerBaseUrl: string };
  readonly deadLetters: { readonly count: number; readonly rows: ReadonlyArray<{ id: number; eventName: string; lastError: string | null }> };
}

const badgeColour = (state: string) => (state === 'connected' ? 'green' : state === 'waiting' ? 'orange' : state === 'disconnected' ? 'grey' : 'red');

/** Connection status, the day's figures and the dead-letter banner per provider, with pairing. */
const Byte8SettingsPage = () => {
  const [providers, setProviders] = useState<ProviderStatus[]>([]);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [figures, setFigures] = useState<Record<string, Figures>>({});
  const load = useCallback(() => {
    byte8Fetch<{ providers: ProviderStatus[] }>('/status')
      .then((body) => setProviders(body.providers))
      .catch((e: Error) => toast.error(e.message));
    byte8Fetch<{ providers: Array<{ key: string; figures: Figures }> }>('/figures')
      .then((body) => setFigures(Object.fromEntries(body.providers.map((p) => [p.key, p.figures]))))
      .catch((e: Error) => toast.error(e.message));
  }, []);
  useEffect(load, [load]);

  const act = (path: string, body: unknown, done: (result: any) => void) =>
    byte8Fetch(path, { method: 'POST', body })
      .then((result) => {
        done(result);
        load();
      })
      .catch((e: Error) => toast.error(e.message));

  return (
    <div className="flex flex-col gap-y-4">
      {providers.map((provider) => (
        <Container key={provider.key} className="flex flex-col gap-y-4 px-6 py-4">
          <div className="flex items-center justify-between">
            <Heading level="h2">{provider.name}</Heading>
            <StatusBadge color={badgeColour(provider.connection.state)}>{provider.connection.label}</StatusBadge>
          </div>
          {provider.connection.detail && <Text size="small">{provider.connection.detail}</Text>}
          {figures[provider.key] && <ProviderFigures figures={figures[provider.key]!} />}
          {provider.deadLetters.count > 0 && (
            <div className="flex items-center justify-between rounded-md bg-ui-tag-red-bg px-3 py-2">
              <Text size="small">{provider.deadLetters.count} event(s) could not be delivered.</Text>
              <Button size="small" variant="secondary" onClick={() => act('/dead-letters/requeue', { all: true, provider: provider.key }, (r) => toast.success(`${r.requeued} requeued`))}>
                Retry all
              </Button>
            </div>
          )}
          {codes[provider.key] && (
            <div className="flex items-center gap-x-2">
              <Text size="small">Pairing code (shown once):</Text>
              <code>{codes[provider.key]}</code>
              <Copy content={codes[provider.key]!} />
            </div>
          )}
          <div className="flex gap-x-2">
            {/* Once paired, pairing again (to another tenant) is the exception, not the lead. */}
            <Button
              size="small"
              variant={provider.connection.connected ? 'secondary' : 'primary'}
              onClick={() => act('/pairing-code', { provider: provider.key }, (r) => setCodes((c) => ({ ...c, [provider.key]: r.code })))}
            >
              {provider.connection.connected ? 'Pair again…' : 'Generate pairing code'}
            </Button>
            {provider.connection.connected && (
              <Button size="small" variant="danger" onClick={() => act('/disconnect', { provider: provider.key }, () => toast.success('Disconnected'))}>
                Disconnect
              </Button>
            )}
          </div>
        </Container>
      ))}
    </div>
  );
};

export const config = defineRouteConfig({ label: 'Accounting (Byte8)' });
export default Byte8SettingsPage;
