import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ForbiddenError } from './auth.errors.js';
import { type Principal, ROLES, type Role } from './roles.js';

/**
 * What a route does, for the roles table of API.md. A route declares one action and where
 * its org unit comes from; the policy answers whether the caller's role and org reach it.
 */
export type Action =
  /** Submit and amend reports and readiness facts of a municipality or its districts. */
  | 'report:write'
  /** Record assessments, approvals, settings, risks, actions, activities, time, goals, narrative, report-backs. */
  | 'county:write'
  /** Record one's own activities and time for the county (its analysts and support workers). */
  | 'work:record'
  /** Read the views of an org unit. */
  | 'view:read'
  /** Publish template versions. */
  | 'template:publish'
  /** Add a city's districts. */
  | 'district:manage'
  /** Reference lists and templates: any signed-in user. */
  | 'reference:read'
  /** The caller's own notifications and settings: any signed-in user. */
  | 'self'
  /** The audit trail and its tamper check, within the caller's scope. */
  | 'audit:read'
  /** Open, work and read support cases (with their subjects) of the county's municipalities. */
  | 'support:work'
  /** Read the county's support cases without their subjects (the county's analysts: everything in the county but personal data). */
  | 'support:read'
  /** Read support requests: a municipality's own, or every one in the county (its analysts and support workers). */
  | 'support-request:read'
  /** Acknowledge, resolve or decline the county's support requests. */
  | 'support-request:answer';

type Rule = (principal: Principal, orgUnit: string | undefined, units: OrgUnitRegistry) => boolean;

const within = (units: OrgUnitRegistry, orgUnit: string | undefined, org: string) =>
  orgUnit !== undefined && units.isWithin(orgUnit, org);

const EVERYONE: Partial<Record<Role, Rule>> = Object.fromEntries(ROLES.map((role) => [role, () => true]));

const RULES: Record<Action, Partial<Record<Role, Rule>>> = {
  'report:write': {
    municipal_reporter: (p, unit, units) => ['municipality', 'district'].includes(units.get(p.org)?.kind ?? '') && within(units, unit, p.org),
  },
  'county:write': {
    county_analyst: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
  },
  'work:record': {
    county_analyst: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
    support_worker: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
  },
  'view:read': {
    municipal_reporter: (p, unit, units) => within(units, unit, p.org),
    county_analyst: (p, unit, units) => within(units, unit, p.org),
    national_reader: () => true,
  },
  'template:publish': { admin: () => true },
  'district:manage': { admin: () => true },
  'support:work': {
    support_worker: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
  },
  'support:read': {
    support_worker: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
    county_analyst: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
  },
  'support-request:read': {
    municipal_reporter: (p, unit, units) => within(units, unit, p.org),
    county_analyst: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
    support_worker: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
  },
  'support-request:answer': {
    county_analyst: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
    support_worker: (p, unit, units) => units.get(p.org)?.kind === 'county' && within(units, unit, p.org),
  },
  'audit:read': {
    auditor: (p, unit, units) => within(units, unit, p.org),
    county_analyst: (p, unit, units) => within(units, unit, p.org),
    national_reader: () => true,
  },
  'reference:read': EVERYONE,
  self: EVERYONE,
};

export function isAllowed(principal: Principal, action: Action, orgUnit: string | undefined, units: OrgUnitRegistry): boolean {
  return principal.roles.some((role) => RULES[action][role]?.(principal, orgUnit, units) ?? false);
}

export function authorize(principal: Principal, action: Action, orgUnit: string | undefined, units: OrgUnitRegistry): void {
  if (!isAllowed(principal, action, orgUnit, units)) {
    const where = orgUnit ? ` for ${orgUnit}` : '';
    throw new ForbiddenError(`${principal.roles.join(', ')} of ${principal.org} may not ${action.replace(':', ' ')}${where}`);
  }
}
