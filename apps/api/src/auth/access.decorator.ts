import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Action } from '@lagesbild/auth';

/**
 * Where a route finds the org unit its action is about: a path, body or query value; the
 * caller's own org (`'principal'`); or the stream of the resource it acts on, found by the
 * UUID in a path parameter, whose first event names the org unit (`{ stream, idParam }`:
 * 400 for a malformed id, 404 when there is no such stream).
 */
export type OrgUnitSource =
  | { param: string }
  | { body: string }
  | { query: string }
  | { stream: (id: string) => string; idParam: string }
  | 'principal'
  | 'none';

export interface AccessRule {
  action: Action;
  orgUnit: OrgUnitSource;
}

export const ACCESS_RULE = 'lagesbild:access-rule';
export const PUBLIC_ROUTE = 'lagesbild:public-route';

/** Declares what a route does and whose it is; the auth guard enforces it (API.md "Roles"). */
export const Access = (action: Action, orgUnit: OrgUnitSource = 'none') =>
  applyDecorators(SetMetadata(ACCESS_RULE, { action, orgUnit } satisfies AccessRule), ApiBearerAuth());

/** A route anyone may call without a token (health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
