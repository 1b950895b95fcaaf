import { Button, StatusBadge, Text, toast } from '@medusajs/ui';
import { useCallback, useEffect, useState } from 'react';
import { byte8Fetch } from './byte8-fetch';
import { statusColour } from './status-colour';

interface DocumentView {
  readonly label: string;
  readonly entityType: string;
  readonly entityId: number;
  readonly status: string;
  readonly chip: { readonly label: string; readonly title: string | null };
  /** A skip or failure in words. */
  readonly reason?: string | null;
}

interface ProviderDocuments {
  readonly provider: string;
  readonly name: string;
  readonly documents: readonly DocumentView[];
}

const RESYNCABLE = new Set(['failed', 'skipped', 'none']);

/**
 * The chips of one record's documents, per provider, loaded from
 * `/admin/byte8{path}`: the reason of a skip or failure in words, and
 * "Sync again" (POST `/admin/byte8/resync`) where it helps.
 */
export function SyncStatusList({ path, pick }: { path: string; pick: (body: any) => ProviderDocuments[] }) {
  const [body, setBody] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(() => {
    byte8Fetch<unknown>(path)
      .then(setBody)
      .catch((e: Error) => setError(e.message));
  }, [path]);
  useEffect(load, [load]);
  const resync = (provider: string, doc: DocumentView) => {
    const key = `${provider}-${doc.label}`;
    setBusy(key);
    byte8Fetch<{ message: string }>('/resync', { method: 'POST', body: { entity_type: doc.entityType, entity_id: doc.entityId, provider } })
      .then((result) => toast.success(result.message))
      .catch((e: Error) => toast.error(e.message))
      .finally(() => {
        setBusy(null);
        load();
      });
  };
  const groups = body === null ? null : pick(body);
  if (error) return <Text size="small">Sync status unavailable: {error}</Text>;
  if (!groups) return <Text size="small">Loading…</Text>;
  return (
    <div className="flex flex-col gap-y-3">
      {groups.flatMap((group) =>
        group.documents.length === 0
          ? [<Text key={group.provider} size="small">{group.name}: nothing sent yet</Text>]
          : group.documents.map((doc) => (
              <div key={`${group.provider}-${doc.label}`} className="flex flex-col gap-y-1">
                <div className="flex items-center justify-between">
                  <Text size="small">{doc.label}</Text>
                  <StatusBadge color={statusColour(doc.status)} title={doc.chip.title ?? undefined}>
                    {doc.chip.label}
                  </StatusBadge>
                </div>
                {doc.reason && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {doc.reason}
                  </Text>
                )}
                {RESYNCABLE.has(doc.status) && (
                  <div>
                    <Button size="small" variant="secondary" isLoading={busy === `${group.provider}-${doc.label}`} onClick={() => resync(group.provider, doc)}>
                      Sync again
                    </Button>
                  </div>
                )}
              </div>
            )),
      )}
    </div>
  );
}
