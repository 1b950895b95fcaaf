import { describe, expect, it } from 'vitest';
import { ledgerUrlPolicy } from './ledger-url-policy.js';

describe('ledgerUrlPolicy', () => {
  const verdict = (url: string, options: Parameters<typeof ledgerUrlPolicy>[0] = {}) => ledgerUrlPolicy(options).check(url);

  it('allows the real ledger and its subdomains by default, over https', () => {
    for (const url of ['https://ledger.byte8.io', 'https://LEDGER.byte8.io/', 'https://eu.ledger.byte8.io/base', 'https://ledger.byte8.io:443']) {
      expect(verdict(url, { production: true })).toEqual({ ok: true });
    }
  });

  it.each([
    ['user info hiding another host', 'http://ledger.byte8.io@127.0.0.1:8080/internal/admin', /user info/],
    ['user and password', 'https://a:b@ledger.byte8.io', /user info/],
    ['a lookalike host', 'https://ledger.byte8.io.evil.example', /not an allowed ledger host/],
    ['a suffix without the dot', 'https://evilledger.byte8.io', /not an allowed ledger host/],
    ['the parent domain', 'https://byte8.io', /not an allowed ledger host/],
    ['loopback', 'https://127.0.0.1:9000', /host 127\.0\.0\.1 is not an allowed/],
    ['IPv6 loopback', 'https://[::1]/', /not an allowed ledger host/],
    ['cloud metadata', 'http://169.254.169.254/latest', /not an allowed ledger host/],
    ['a query string', 'https://ledger.byte8.io/?x=1', /query string/],
    ['a fragment', 'https://ledger.byte8.io/#x', /fragment/],
    ['another scheme', 'file:///etc/passwd', /scheme/],
    ['not a URL', 'ledger.byte8.io', /absolute URL/],
  ])('refuses %s', (_name, url, reason) => {
    const result = verdict(url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('refuses plain http in production, even for the real ledger', () => {
    expect(verdict('http://ledger.byte8.io', { production: true })).toEqual({ ok: false, reason: 'https is required in production' });
    expect(verdict('http://ledger.byte8.io')).toEqual({ ok: true });
  });

  it('trusts the origin of a base URL the host configured, and nothing more of its host', () => {
    const options = { trustedBaseUrls: ['http://127.0.0.1:4010'] };
    expect(verdict('http://127.0.0.1:4010/', options)).toEqual({ ok: true });
    expect(verdict('http://127.0.0.1:4011/', options).ok).toBe(false);
    expect(verdict('http://x@127.0.0.1:4010/', options).ok).toBe(false);
  });

  it('takes exact hosts, *.domain and * (development only) from allowedHosts', () => {
    expect(verdict('http://127.0.0.1:5000', { allowedHosts: ['127.0.0.1'] })).toEqual({ ok: true });
    expect(verdict('https://a.b.example.com', { allowedHosts: ['*.example.com'] })).toEqual({ ok: true });
    expect(verdict('https://example.com', { allowedHosts: ['*.example.com'] }).ok).toBe(false);
    expect(verdict('http://10.1.2.3', { allowedHosts: ['*'] })).toEqual({ ok: true });
    expect(verdict('http://ledger.byte8.io@10.1.2.3', { allowedHosts: ['*'] }).ok).toBe(false);
    expect(() => ledgerUrlPolicy({ allowedHosts: ['*'], production: true })).toThrow(/"\*" \(any host\) is refused in production/);
    expect(() => ledgerUrlPolicy({ allowedHosts: ['https://ledger.example'] })).toThrow(/ledger.allowedHosts: "https:\/\/ledger.example" is not a host name/);
    expect(() => ledgerUrlPolicy({ trustedBaseUrls: ['nope'] })).toThrow(/ledger.defaultBaseUrl: not an absolute URL/);
  });
});
