import { describe, expect, it } from '@jest/globals';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { isAllowed } from './access-policy.js';
import type { Principal, Role } from './roles.js';

const units = OrgUnitRegistry.sweden();
const as = (role: Role, org: string): Principal => ({ id: 'u', name: 'U', roles: [role], org });

describe('access policy', () => {
  it('lets a municipal reporter write its own and its districts’ reports, not a neighbour’s', () => {
    expect(isAllowed(as('municipal_reporter', '2085'), 'report:write', '2085', units)).toBe(true);
    expect(isAllowed(as('municipal_reporter', '0180'), 'report:write', '0180-01', units)).toBe(true);
    expect(isAllowed(as('municipal_reporter', '2085'), 'report:write', '2080', units)).toBe(false);
    expect(isAllowed(as('municipal_reporter', '2085'), 'report:write', '20', units)).toBe(false);
  });

  it('lets a county analyst record for its county and its municipalities only', () => {
    expect(isAllowed(as('county_analyst', '20'), 'county:write', '20', units)).toBe(true);
    expect(isAllowed(as('county_analyst', '20'), 'county:write', '2085', units)).toBe(true);
    expect(isAllowed(as('county_analyst', '20'), 'county:write', '21', units)).toBe(false);
    expect(isAllowed(as('county_analyst', '20'), 'report:write', '2085', units)).toBe(false);
  });

  it('lets national readers read everything and write nothing', () => {
    expect(isAllowed(as('national_reader', 'SE'), 'view:read', '2085', units)).toBe(true);
    expect(isAllowed(as('national_reader', 'SE'), 'county:write', '20', units)).toBe(false);
  });

  it('keeps reading in scope: a reporter reads its own views, not the county’s', () => {
    expect(isAllowed(as('municipal_reporter', '2085'), 'view:read', '2085', units)).toBe(true);
    expect(isAllowed(as('municipal_reporter', '2085'), 'view:read', '20', units)).toBe(false);
    expect(isAllowed(as('auditor', 'SE'), 'view:read', '20', units)).toBe(false);
  });

  it('lets only an admin publish templates', () => {
    expect(isAllowed(as('admin', 'SE'), 'template:publish', undefined, units)).toBe(true);
    expect(isAllowed(as('county_analyst', '20'), 'template:publish', undefined, units)).toBe(false);
  });

  it('shows the audit trail to auditors and analysts in their scope, and to no reporter', () => {
    expect(isAllowed(as('auditor', 'SE'), 'audit:read', '2085', units)).toBe(true);
    expect(isAllowed(as('auditor', '20'), 'audit:read', '2085', units)).toBe(true);
    expect(isAllowed(as('auditor', '20'), 'audit:read', '01', units)).toBe(false);
    expect(isAllowed(as('county_analyst', '20'), 'audit:read', '20', units)).toBe(true);
    expect(isAllowed(as('municipal_reporter', '2085'), 'audit:read', '2085', units)).toBe(false);
    expect(isAllowed(as('support_worker', '20'), 'audit:read', '20', units)).toBe(false);
  });
});
