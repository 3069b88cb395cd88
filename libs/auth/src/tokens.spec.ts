import { describe, expect, it } from '@jest/globals';
import { UnauthenticatedError } from './auth.errors.js';
import { LocalTokens } from './tokens.js';

const anna = { id: 'anna', name: 'Anna A', roles: ['county_analyst' as const], org: '20' };

describe('LocalTokens', () => {
  it('answers the same principal each time a token is shown, and refuses one whose signature was changed', async () => {
    const tokens = new LocalTokens('a-local-secret-long-enough-for-hs256-0123456789');
    const token = await tokens.mint(anna);
    expect(await tokens.verify(token)).toEqual(anna);
    expect(await tokens.verify(token)).toEqual(anna);
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expect(tokens.verify(forged)).rejects.toBeInstanceOf(UnauthenticatedError);
    const otherSecret = new LocalTokens('another-secret-long-enough-for-hs256-9876543210');
    await expect(otherSecret.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a token once it has expired, though it was accepted before', async () => {
    const tokens = new LocalTokens('a-local-secret-long-enough-for-hs256-0123456789');
    const token = await tokens.mint(anna, 1);
    expect(await tokens.verify(token)).toEqual(anna);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(tokens.verify(token)).rejects.toThrow('The token has expired');
  });
});
