import { defineRouteConfig } from '@medusajs/admin-sdk';
import { Button, Container, Copy, Heading, StatusBadge, Text, toast } from '@medusajs/ui';
import { useCallback, useEffect, useState } from 'react';
import { byte8Fetch } from '../../../lib/byte8-fetch';
import { DirectConnectionPanel, type DirectView } from '../../../lib/direct-connection-panel';
import { type Figures, ProviderFigures } from '../../../lib/provider-figures';

interface ProviderStatus {
  readonly key: string;
  readonly name: string;
  readonly connection: { readonly state: string; readonly label: string; readonly detail: string | null; readonly connected: boolean; readonly tenantId: string | null; readonly ledgerBaseUrl: string };
  readonly deadLetters: { readonly count: number; readonly rows: ReadonlyArray<{ id: number; eventName: string; lastError: string | null }> };
  readonly held: { readonly count: number; readonly tenants: readonly string[]; readonly currentTenantId: string | null };
  readonly direct: DirectView | null;
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
  // Back from a provider's sign-in: the callback left the outcome's kind in the address; the words come from the server.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const kind = params.get('byte8_oauth');
    if (!kind) return;
    window.history.replaceState(null, '', window.location.pathname);
    const ok = kind === 'connected' || kind === 'business_needed';
    byte8Fetch<{ oauthMessage: string | null }>(`/status?${new URLSearchParams({ oauth: kind, provider: params.get('provider') ?? '' })}`)
      .then((body) => body.oauthMessage && (ok ? toast.success(body.oauthMessage) : toast.error(body.oauthMessage)))
      .catch((e: Error) => toast.error(e.message));
  }, []);

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
            {!provider.direct && <StatusBadge color={badgeColour(provider.connection.state)}>{provider.connection.label}</StatusBadge>}
          </div>
          {provider.direct && <DirectConnectionPanel provider={provider.key} view={provider.direct} reload={load} />}
          {!provider.direct && provider.connection.detail && <Text size="small">{provider.connection.detail}</Text>}
          {figures[provider.key] && <ProviderFigures figures={figures[provider.key]!} />}
          {provider.deadLetters.count > 0 && (
            <div className="flex items-center justify-between rounded-md bg-ui-tag-red-bg px-3 py-2">
              <Text size="small">{provider.deadLetters.count} event(s) could not be delivered.</Text>
              <Button size="small" variant="secondary" onClick={() => act('/dead-letters/requeue', { all: true, provider: provider.key }, (r) => toast.success(`${r.requeued} requeued`))}>
                Retry all
              </Button>
            </div>
          )}
          {provider.held.count > 0 && provider.held.currentTenantId && (
            <div className="flex items-center justify-between gap-x-2 rounded-md bg-ui-tag-orange-bg px-3 py-2">
              <Text size="small">
                {provider.held.count} event(s) were queued for a previous ledger tenant ({provider.held.tenants.join(', ')}) and are held: they are not sent to
                the current tenant {provider.held.currentTenantId} unless you say so.
              </Text>
              <div className="flex gap-x-2">
                <Button size="small" variant="secondary" onClick={() => act('/held', { provider: provider.key, action: 'readdress' }, (r) => toast.success(`${r.changed} sent to the current tenant`))}>
                  Send to current tenant
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  onClick={() => window.confirm(`Drop ${provider.held.count} held event(s)? They are never sent.`) && act('/held', { provider: provider.key, action: 'drop' }, (r) => toast.success(`${r.changed} dropped`))}
                >
                  Drop
                </Button>
              </div>
            </div>
          )}
          {!provider.direct && codes[provider.key] && (
            <div className="flex items-center gap-x-2">
              <Text size="small">Pairing code (shown once):</Text>
              <code>{codes[provider.key]}</code>
              <Copy content={codes[provider.key]!} />
            </div>
          )}
          {!provider.direct && (
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
          )}
        </Container>
      ))}
    </div>
  );
};

export const config = defineRouteConfig({ label: 'Accounting (Byte8)' });
export default Byte8SettingsPage;
