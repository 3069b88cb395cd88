import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Principal } from '@lagesbild/auth';
import type { AuthenticatedRequest } from './auth.guard.js';

/** The verified caller of the request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
