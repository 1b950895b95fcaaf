const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\]:,]|\s+/gy;

/**
 * The raw source text of each top-level member of a JSON object, for checks
 * that `JSON.parse` cannot make: PHP decodes `1767225600.0` as a float and
 * the Magento verifier rejects it, while JavaScript sees the integer
 * 1767225600 (wire-contract §3.3.2 step 6). Returns null unless `json` is a
 * well-formed object (callers parse it with `JSON.parse` first). A repeated
 * key keeps its last value, as both `JSON.parse` and PHP do.
 */
export function topLevelRawMembers(json: string): Map<string, string> | null {
  const members = new Map<string, string>();
  let depth = 0;
  let key: string | null = null;
  let expectKey = false;
  let valueStart = -1;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < json.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(json);
    if (!match) return null;
    const token = match[0];
    if (/^\s/.test(token)) continue;
    if (depth === 1 && token === ',') {
      if (key !== null) members.set(key, json.slice(valueStart, start).trim());
      key = null;
      expectKey = true;
      continue;
    }
    if (depth === 1 && token === '}') {
      if (key !== null) members.set(key, json.slice(valueStart, start).trim());
      depth = 0;
      continue;
    }
    if (depth === 0) {
      if (token !== '{') return null;
      depth = 1;
      expectKey = true;
      continue;
    }
    if (depth === 1 && expectKey) {
      if (!token.startsWith('"')) return null;
      key = JSON.parse(token) as string;
      expectKey = false;
      continue;
    }
    if (depth === 1 && token === ':') {
      valueStart = TOKEN.lastIndex;
      continue;
    }
    if (token === '{' || token === '[') depth += 1;
    else if (token === '}' || token === ']') depth -= 1;
  }
  return depth === 0 ? members : null;
}
