import { Alert, Button, Label, RadioGroup, StatusBadge, Text, toast } from '@medusajs/ui';
import { useEffect, useState } from 'react';
import { byte8Fetch } from './byte8-fetch';

export interface DirectView {
  readonly serviceName: string;
  readonly state: 'not_connected' | 'business_needed' | 'connected' | 'reconnect_needed';
  readonly label: string;
  readonly detail: string | null;
  readonly reason: string | null;
  readonly business: { readonly id: string; readonly name: string } | null;
  readonly redirectUri: string;
}

interface Business {
  readonly id: string;
  readonly name: string;
}

const badgeColour = (state: DirectView['state']) => (state === 'connected' ? 'green' : state === 'business_needed' ? 'orange' : 'red');

/**
 * A provider in direct mode: Connect (the browser goes to the provider's
 * sign-in and comes back through the plugin's callback), the business
 * choice, the reconnect banner and Disconnect.
 */
export const DirectConnectionPanel = ({ provider, view, reload }: { provider: string; view: DirectView; reload: () => void }) => {
  const [businesses, setBusinesses] = useState<Business[]>([]);
  const [chosen, setChosen] = useState<string>('');
  const name = view.serviceName;
  const base = `/oauth/${encodeURIComponent(provider)}`;

  useEffect(() => {
    if (view.state !== 'business_needed') return;
    byte8Fetch<{ businesses: Business[] }>(`${base}/businesses`)
      .then((body) => {
        setBusinesses(body.businesses);
        setChosen(body.businesses[0]?.id ?? '');
      })
      .catch((e: Error) => toast.error(e.message));
  }, [base, view.state]);

  const connect = () =>
    byte8Fetch<{ authorizeUrl: string }>(`${base}/connect`, { method: 'POST', body: {} })
      .then((body) => window.location.assign(body.authorizeUrl))
      .catch((e: Error) => toast.error(e.message));
  const choose = () =>
    byte8Fetch<{ message: string }>(`${base}/businesses`, { method: 'POST', body: { business_id: chosen } })
      .then((body) => {
        toast.success(body.message);
        reload();
      })
      .catch((e: Error) => toast.error(e.message));
  const disconnect = () =>
    window.confirm(`Disconnect ${name}? Access is revoked at ${name} and nothing is posted until you connect again.`) &&
    byte8Fetch(`${base}/disconnect`, { method: 'POST', body: {} })
      .then(() => {
        toast.success(`Disconnected from ${name}`);
        reload();
      })
      .catch((e: Error) => toast.error(e.message));

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex items-center justify-between">
        <Text size="small">Direct mode: this store posts to {name} itself, without the Byte8 ledger.</Text>
        <StatusBadge color={badgeColour(view.state)}>{view.label}</StatusBadge>
      </div>
      {view.state === 'reconnect_needed' && (
        <Alert variant="error">
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">Reconnect to {name} needed.</Text>
            <Text size="small">{view.reason}</Text>
            <div>
              <Button size="small" onClick={connect}>Reconnect to {name}</Button>
            </div>
          </div>
        </Alert>
      )}
      {view.business && view.state !== 'not_connected' && <Text size="small">Business: {view.business.name}</Text>}
      {view.state === 'business_needed' && (
        <div className="flex flex-col gap-y-2">
          <Text size="small">{view.detail}</Text>
          <RadioGroup value={chosen} onValueChange={setChosen}>
            {businesses.map((business, index) => (
              <div key={business.id} className="flex items-center gap-x-2">
                <RadioGroup.Item value={business.id} id={`byte8-business-${business.id}`} />
                <Label htmlFor={`byte8-business-${business.id}`}>
                  {business.name}
                  {index === 0 ? ' (lead business)' : ''}
                </Label>
              </div>
            ))}
          </RadioGroup>
          <div>
            <Button size="small" disabled={!chosen} onClick={choose}>Use this business</Button>
          </div>
        </div>
      )}
      <div className="flex gap-x-2">
        {view.state === 'not_connected' && <Button size="small" onClick={connect}>Connect to {name}</Button>}
        {view.state !== 'not_connected' && (
          <Button size="small" variant="danger" onClick={disconnect}>
            Disconnect
          </Button>
        )}
      </div>
      <Text size="xsmall">Redirect URI to register with the {name} app: {view.redirectUri}</Text>
    </div>
  );
};
