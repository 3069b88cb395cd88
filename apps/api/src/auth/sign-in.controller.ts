import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEMO_USERS, LocalTokens, type TokenVerifier } from '@lagesbild/auth';
import { NotFoundError } from '@lagesbild/domain';
import type { Environment } from '../config/environment.js';
import { ApiProblems } from '../problem/problem.response.js';
import { Public } from './access.decorator.js';
import { TOKEN_VERIFIER } from './auth.tokens.js';
import { DemoTokenResponse, DemoUserListResponse, SignInConfigResponse } from './sign-in.response.js';

/** How the web app signs in: `embedded` (demo users below) or `oidc` (authorization code with PKCE). */
@ApiTags('Inloggning')
@Public()
@Controller('auth')
export class SignInConfigController {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  @Get('config')
  @ApiOperation({ summary: 'Hur webbappen loggar in: inbäddat (demoanvändare) eller OIDC med PKCE mot AUTH_ISSUER' })
  @ApiOkResponse({ type: SignInConfigResponse })
  @ApiProblems(400, 413, 415, 429)
  signInConfig() {
    const issuer = this.config.get('AUTH_ISSUER', { infer: true });
    if (!this.config.get('AUTH_JWKS_URL', { infer: true }) || !issuer) return { mode: 'embedded' as const };
    const audience = this.config.get('AUTH_AUDIENCE', { infer: true });
    return { mode: 'oidc' as const, issuer, clientId: this.config.get('AUTH_CLIENT_ID', { infer: true }) ?? audience, scope: 'openid profile' };
  }
}

/**
 * The demo users and a token for each, for the web app's sign-in page. Registered only with
 * the embedded local-secret auth (never with AUTH_JWKS_URL or NODE_ENV=production): there,
 * anyone who reaches the api could already mint any token with `npm run cli -- token`.
 */
@ApiTags('Inloggning')
@Public()
@Controller('demo-users')
export class DemoUsersController {
  constructor(@Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier) {}

  @Get()
  @ApiOperation({ summary: 'Demoanvändarna, en per roll (endast den inbäddade installationen)' })
  @ApiOkResponse({ type: DemoUserListResponse })
  @ApiProblems(400, 413, 415, 429)
  list() {
    return { items: DEMO_USERS };
  }

  @Post(':id/token')
  @HttpCode(200)
  @ApiOperation({ summary: 'En token för en demoanvändare (endast den inbäddade installationen)' })
  @ApiOkResponse({ type: DemoTokenResponse })
  @ApiProblems(400, 404, 413, 415, 429)
  async token(@Param('id') id: string) {
    const user = DEMO_USERS.find((u) => u.id === id);
    if (!user) throw new NotFoundError('demo-user-not-found', `There is no demo user ${JSON.stringify(id)}`);
    if (!(this.tokens instanceof LocalTokens)) throw new NotFoundError('demo-user-not-found', 'Demo users exist only with the embedded auth');
    return { token: await this.tokens.mint(user), user };
  }
}

/** Demo users exist only where tokens are signed with the local secret. */
export const usesEmbeddedAuth = (environment: Environment): boolean => environment.NODE_ENV !== 'production' && !environment.AUTH_JWKS_URL;
