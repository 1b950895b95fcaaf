import { createStorage } from '@byte8/client';
import { SAGE_SEED } from '@byte8/testkit/sage-api';
import { describe, expect, it } from 'vitest';
import { attach, CLIENT, capturingLogger, connectAs, startSim } from './sage-direct.test-helpers.js';

describe('the client logger with real Sage values', () => {
  it('redacts OAuth fields by name and masks the JWT access token in free text', async () => {
    const sim = await startSim();
    const storage = await createStorage();
    const clock = { now: () => new Date() };
    const { sage, box } = attach(sim, storage, { clock });
    try {
      const { callback, binding } = await connectAs(sage, SAGE_SEED.users.solo.id);
      const record = (await storage.oauthConnections.get('sage_accounting'))!;
      const accessToken = box.open(record.tokens!.sealedAccessToken);
      const refreshToken = box.open(record.tokens!.sealedRefreshToken);
      const code = callback.searchParams.get('code')!;
      const state = callback.searchParams.get('state')!;
      const { logger, text } = capturingLogger();
      logger.info(
        {
          accessToken,
          refreshToken,
          access_token: accessToken,
          refresh_token: refreshToken,
          clientSecret: CLIENT.clientSecret,
          client_secret: CLIENT.clientSecret,
          code,
          state,
          codeVerifier: binding,
          code_verifier: binding,
          browserBinding: binding,
          answer: { refresh_token: refreshToken, grant: { accessToken } },
          detail: `Sage said ${accessToken}`,
        },
        `calling with Bearer ${accessToken}`,
      );
      const logged = text();
      expect(logged).toContain('[redacted]');
      for (const secret of [accessToken, refreshToken, CLIENT.clientSecret, code, state, binding]) expect(logged).not.toContain(secret);
      expect(logged).not.toContain(accessToken.split('.')[0]!);
    } finally {
      await sage.close();
      await storage.close();
      await sim.stop();
    }
  });
});
