import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, type Principal, type TokenVerifier, UnauthenticatedError, authorize } from '@lagesbild/auth';
import { NotFoundError, ValidationError } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore, readEvents } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ACCESS_RULE, type AccessRule, PUBLIC_ROUTE } from './access.decorator.js';
import { ORG_UNITS, TOKEN_VERIFIER } from './auth.tokens.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in a path must be a UUID, else a 400 naming the parameter. */
export function requireUuid(id: string, path: string): void {
  if (!UUID.test(id)) throw new ValidationError('Bad id', [{ path, message: 'must be a UUID' }]);
}

export type AuthenticatedRequest = Request & { principal: Principal };

/** The first event of a stream addressed by id (a risk, an action, a goal, a support case) names its org unit. */
type OpeningEvent = { type: string; data: { orgUnit?: unknown } };

/**
 * Every route needs a valid bearer token (401) and declares an access rule that the
 * caller's role and org must satisfy (403); a route with neither @Public nor @Access is
 * refused, so a new endpoint cannot forget its rule. An org unit that does not exist is a
 * 404 in the path and a 400 in a body or query.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError('A bearer token is required (Authorization: Bearer <token>)');
    request.principal = await this.tokens.verify(match[1]!);

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) throw new ForbiddenError('This route declares no access rule');
    authorize(request.principal, rule.action, await this.orgUnitOf(request, rule), this.units);
    return true;
  }

  private async orgUnitOf(request: AuthenticatedRequest, rule: AccessRule): Promise<string | undefined> {
    if (rule.orgUnit === 'none') return undefined;
    if (rule.orgUnit === 'principal') return request.principal.org;
    if ('stream' in rule.orgUnit) {
      const { stream, idParam } = rule.orgUnit;
      const id = (request.params as Record<string, string>)[idParam] ?? '';
      requireUuid(id, idParam);
      const streamId = stream(id);
      const [first] = await readEvents<OpeningEvent>(this.store, streamId);
      const orgUnit = first?.data.orgUnit;
      if (typeof orgUnit !== 'string') throw new NotFoundError('not-found', `Nothing is recorded at ${request.originalUrl.split('?')[0]}`);
      return orgUnit;
    }
    const [where, name] =
      'param' in rule.orgUnit
        ? (['param', rule.orgUnit.param] as const)
        : 'body' in rule.orgUnit
          ? (['body', rule.orgUnit.body] as const)
          : (['query', rule.orgUnit.query] as const);
    const source = (where === 'param' ? request.params : where === 'body' ? request.body : request.query) as Record<string, unknown> | undefined;
    const code = source?.[name];
    // An org unit left out of a query means the caller's own.
    if (where === 'query' && code === undefined) return request.principal.org;
    if (typeof code === 'string' && this.units.has(code)) return code;
    if (where === 'param') throw new NotFoundError('org-unit-not-found', `There is no org unit ${JSON.stringify(code)}`);
    throw new ValidationError('Unknown org unit', [{ path: name, message: `${JSON.stringify(code ?? null)} is not a known org-unit code` }]);
  }
}
