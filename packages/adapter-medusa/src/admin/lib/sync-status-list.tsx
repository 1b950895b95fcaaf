import { StatusBadge, Text } from '@medusajs/ui';
import { useEffect, useState } from 'react';
import { byte8Fetch } from './byte8-fetch';
import { statusColour } from './status-colour';

interface DocumentView {
  readonly label: string;
  readonly status: string;
  readonly chip: { readonly label: string; readonly title: string | null };
}

interface ProviderDocuments {
  readonly provider: string;
  readonly name: string;
  readonly documents: readonly DocumentView[];
}

/** The chips of one record's documents, per provider, loaded from `/admin/byte8{path}`. */
export function SyncStatusList({ path, pick }: { path: string; pick: (body: any) => ProviderDocuments[] }) {
  const [body, setBody] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    byte8Fetch<unknown>(path)
      .then(setBody)
      .catch((e: Error) => setError(e.message));
  }, [path]);
  const groups = body === null ? null : pick(body);
  if (error) return <Text size="small">Sync status unavailable: {error}</Text>;
  if (!groups) return <Text size="small">Loading…</Text>;
  return (
    <div className="flex flex-col gap-y-2">
      {groups.flatMap((group) =>
        group.documents.length === 0
          ? [<Text key={group.provider} size="small">{group.name}: nothing sent yet</Text>]
          : group.documents.map((doc) => (
              <div key={`${group.provider}-${doc.label}`} className="flex items-center justify-between">
                <Text size="small">{doc.label}</Text>
                <StatusBadge color={statusColour(doc.status)} title={doc.chip.title ?? undefined}>
                  {doc.chip.label}
                </StatusBadge>
              </div>
            )),
      )}
    </div>
  );
}
