import { describe, expect, it } from 'vitest';
import { resolveSageDirectOptions, type SageDirectOptions } from './sage-direct-options.js';

const base: SageDirectOptions = { clientId: 'app', clientSecret: 'shh-very-secret', redirectUri: 'https://shop.example.com/admin/byte8/providers/sage_accounting/oauth/callback' };

describe('resolveSageDirectOptions', () => {
  it('defaults to the real Sage hosts (c.1, c.2) and keeps the secret apart', () => {
    const { options, clientSecret } = resolveSageDirectOptions(base);
    expect(options).toMatchObject({
      provider: 'sage_accounting',
      authorizeUrl: 'https://www.sageone.com/oauth2/auth/central?filter=apiv3.1',
      tokenUrl: 'https://oauth.accounting.sage.com/token',
      revokeUrl: 'https://oauth.accounting.sage.com/revoke',
      apiBaseUrl: 'https://api.accounting.sage.com/v3.1',
      scope: 'full_access',
      region: null,
      connectTimeoutMs: 5_000,
      timeoutMs: 30_000,
      refreshMarginMs: 60_000,
    });
    expect(clientSecret).toBe('shh-very-secret');
    expect(JSON.stringify(options)).not.toContain('shh-very-secret');
  });

  it('takes a simulator on 127.0.0.1 over http, and trims the API base', () => {
    const { options } = resolveSageDirectOptions({ ...base, redirectUri: 'http://127.0.0.1:3000/cb', apiBaseUrl: 'http://127.0.0.1:4466/v3.1/', region: 'ie', locale: 'en-IE' });
    expect(options).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:4466/v3.1', region: 'ie', locale: 'en-IE' });
  });

  it('fails closed naming the setting', () => {
    const cases: Array<[Partial<Record<keyof SageDirectOptions | 'surprise', unknown>>, RegExp]> = [
      [{ clientId: undefined }, /^sageDirect option "clientId": /],
      [{ clientId: '' }, /"clientId"/],
      [{ redirectUri: 'http://shop.example.com/cb' }, /"redirectUri": must be an https URL/],
      [{ redirectUri: 'not a url' }, /"redirectUri"/],
      [{ tokenUrl: 'https://user:pw@oauth.example.com/token' }, /"tokenUrl": .*without user info/],
      [{ apiBaseUrl: 'ftp://api.example.com' }, /"apiBaseUrl"/],
      [{ region: 'mars' }, /"region"/],
      [{ scope: 'admin' }, /"scope"/],
      [{ locale: 'english' }, /"locale": must look like en-GB/],
      [{ timeoutMs: 0 }, /"timeoutMs"/],
      [{ connectTimeoutMs: 1.5 }, /"connectTimeoutMs"/],
      [{ maxResponseBytes: 10 }, /"maxResponseBytes"/],
      [{ refreshMarginMs: 300_000 }, /"refreshMarginMs"/],
      [{ provider: 'Sage Accounting' }, /"provider"/],
      [{ dispatcher: {} }, /"dispatcher": must be an undici Dispatcher/],
      [{ surprise: true }, /surprise/],
    ];
    for (const [override, message] of cases) expect(() => resolveSageDirectOptions({ ...base, ...override } as SageDirectOptions)).toThrow(message);
    expect(() => resolveSageDirectOptions(undefined as never)).toThrow(/"clientId"/);
  });

  it('never puts the client secret into an error message', () => {
    const secret = `s3cr3t-${'x'.repeat(2000)}`;
    let message = '';
    try {
      resolveSageDirectOptions({ ...base, clientSecret: secret });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('sageDirect option "clientSecret": must be a string of 1 to 1024 characters');
    expect(() => resolveSageDirectOptions({ ...base, clientSecret: 42 as never })).toThrow(/"clientSecret"/);
  });
});
