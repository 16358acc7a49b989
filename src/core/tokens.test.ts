import { DEV_CLAIMS, tokenTimesProblem, viewerFromClaims, type ClaimNames } from './tokens';
import { Role } from './viewer';

const NOW = 1_800_000_000;
const MAX = 30 * 86_400;
const ID = '7d1b7f6e-2c4f-4b8e-9a51-3f0d2f7a9c11';

describe('tokenTimesProblem', () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ['no exp', { iat: NOW }, 'no expiry'],
    ['an exp that is no number', { exp: '2030-01-01' }, 'no expiry'],
    ['an iat that is no number', { iat: 'now', exp: NOW + 60 }, 'not a number'],
    ['iat beyond the tolerance', { iat: NOW + 61, exp: NOW + 3600 }, 'issued in the future'],
    ['iat within the tolerance', { iat: NOW + 60, exp: NOW + 3600 }, null],
    ['exp - iat over the maximum', { iat: NOW - 10, exp: NOW - 10 + MAX + 1 }, 'lives longer'],
    ['exp - iat exactly the maximum', { iat: NOW - 10, exp: NOW - 10 + MAX }, null],
    ['no iat, exp - now over the maximum', { exp: NOW + MAX + 1 }, 'lives longer'],
    ['no iat, exp - now within the maximum', { exp: NOW + MAX }, null],
  ])('%s', (_, claims, problem) => {
    const found = tokenTimesProblem(claims, NOW, MAX, 60);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('viewerFromClaims', () => {
  const PROVIDER: ClaimNames = { role: 'https://t.example/role', agency: 'https://t.example/agency', brand: 'b', model: 'm' };
  it.each<[string, Record<string, unknown>, ClaimNames, unknown]>([
    ['an admin', { sub: 's', role: 'ADMIN' }, DEV_CLAIMS, { role: Role.ADMIN, subject: 's' }],
    ['a role in lower case', { sub: 's', role: 'model', modelId: ID }, DEV_CLAIMS, { role: Role.MODEL, subject: 's', modelId: ID }],
    ['an agency under configured names', { sub: 's', 'https://t.example/role': 'AGENCY', 'https://t.example/agency': ID }, PROVIDER, { role: Role.AGENCY, subject: 's', agencyId: ID }],
    ['a brand under configured names', { b: ID, 'https://t.example/role': 'Brand' }, PROVIDER, { role: Role.BRAND, subject: '', brandId: ID }],
    ['SYSTEM', { role: 'SYSTEM' }, DEV_CLAIMS, null],
    ['an unknown role', { role: 'OWNER' }, DEV_CLAIMS, null],
    ['a role that is no string', { role: ['ADMIN'] }, DEV_CLAIMS, null],
    ['an agency without its id', { role: 'AGENCY' }, DEV_CLAIMS, null],
    ['an agency whose id is no UUID', { role: 'AGENCY', agencyId: 'nord' }, DEV_CLAIMS, null],
    ['development names read with provider names', { role: 'ADMIN' }, PROVIDER, null],
  ])('%s', (_, claims, names, viewer) => {
    expect(viewerFromClaims(claims, names)).toEqual(viewer);
  });
});
