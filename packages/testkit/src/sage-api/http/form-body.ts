/**
 * Parses an `application/x-www-form-urlencoded` body into single values; a
 * repeated name keeps its first value, as OAuth servers must not guess.
 */
export function parseFormBody(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) {
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

/** True when `content-type` names `mediaType` (parameters such as charset allowed). */
export function hasMediaType(contentType: string | undefined, mediaType: string): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === mediaType;
}
