import type { OAuthAuthorizationStart, OAuthBusiness, OAuthGrantInput, SealedOAuthTokens } from '@byte8/core';

/** Longest sealed value accepted: a Sage token reserves 2 048 bytes (c.2); sealing adds about a third. */
export const MAX_SEALED_LENGTH = 16_384;
export const MAX_REASON_LENGTH = 500;

const HEX_64 = /^[0-9a-f]{64}$/;

function fail(method: string, message: string): never {
  throw new TypeError(`${method}: ${message}`);
}

/** A non-empty string of at most `max` characters, or a TypeError naming the field. */
export function checkString(method: string, name: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.length === 0) fail(method, `\`${name}\` must be a non-empty string`);
  if (value.length > max) fail(method, `\`${name}\` is longer than ${max} characters`);
}

function checkNullableString(method: string, name: string, value: unknown, max: number): void {
  if (value !== null) checkString(method, name, value, max);
}

function checkDate(method: string, name: string, value: unknown): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(method, `\`${name}\` must be a valid Date`);
}

export function checkProvider(method: string, provider: unknown): void {
  checkString(method, 'provider', provider, 32);
}

export function checkHash(method: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || !HEX_64.test(value)) fail(method, `\`${name}\` must be 64 lowercase hex characters (a SHA-256)`);
}

export function checkBusiness(method: string, name: string, business: OAuthBusiness | null): void {
  if (business === null) return;
  if (typeof business !== 'object') fail(method, `\`${name}\` must be { id, name } or null`);
  checkString(method, `${name}.id`, business.id, 64);
  checkString(method, `${name}.name`, business.name, 255);
}

export function checkTokens(method: string, tokens: SealedOAuthTokens): void {
  if (typeof tokens !== 'object' || tokens === null) fail(method, '`tokens` must be an object');
  checkString(method, 'tokens.sealedAccessToken', tokens.sealedAccessToken, MAX_SEALED_LENGTH);
  checkString(method, 'tokens.sealedRefreshToken', tokens.sealedRefreshToken, MAX_SEALED_LENGTH);
  checkDate(method, 'tokens.accessTokenExpiresAt', tokens.accessTokenExpiresAt);
  if (tokens.refreshTokenExpiresAt !== null) checkDate(method, 'tokens.refreshTokenExpiresAt', tokens.refreshTokenExpiresAt);
  checkNullableString(method, 'tokens.scope', tokens.scope, 64);
}

export function checkGrant(method: string, grant: OAuthGrantInput): void {
  if (typeof grant !== 'object' || grant === null) fail(method, '`grant` must be an object');
  checkTokens(method, grant.tokens);
  checkNullableString(method, 'grant.grantedBy', grant.grantedBy, 64);
  checkBusiness(method, 'grant.business', grant.business);
}

export function checkAuthorization(method: string, start: OAuthAuthorizationStart): void {
  if (typeof start !== 'object' || start === null) fail(method, '`start` must be an object');
  checkHash(method, 'start.stateHash', start.stateHash);
  checkHash(method, 'start.browserHash', start.browserHash);
  checkString(method, 'start.sealedVerifier', start.sealedVerifier, MAX_SEALED_LENGTH);
  checkDate(method, 'start.expiresAt', start.expiresAt);
}

export function checkReason(method: string, reason: unknown): void {
  checkString(method, 'reason', reason, MAX_REASON_LENGTH);
}
