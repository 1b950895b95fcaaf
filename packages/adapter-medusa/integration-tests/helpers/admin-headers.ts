import { Modules, generateJwtToken } from '@medusajs/framework/utils';

let admins = 0;

/** Signs an admin session token the way Medusa's auth does (a fresh admin user each call). */
export async function adminHeaders(container: any): Promise<Record<string, string>> {
  const email = `admin${++admins}-${Date.now()}@byte8.test`;
  const user = await container.resolve(Modules.USER).createUsers({ email });
  const identity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: 'emailpass', entity_id: email }],
    app_metadata: { user_id: user.id },
  });
  const token = generateJwtToken(
    { actor_id: user.id, actor_type: 'user', auth_identity_id: identity.id, app_metadata: { user_id: user.id } },
    { secret: container.resolve('configModule').projectConfig.http.jwtSecret, expiresIn: '1d' },
  );
  return { authorization: `Bearer ${token}` };
}
