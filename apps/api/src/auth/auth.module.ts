import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { LocalTokens, OidcTokens, localSecret } from '@lagesbild/auth';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { Environment } from '../config/environment.js';
import { AuthGuard } from './auth.guard.js';
import { ORG_UNITS, TOKEN_VERIFIER } from './auth.tokens.js';

@Global()
@Module({
  providers: [
    { provide: ORG_UNITS, useFactory: () => OrgUnitRegistry.sweden() },
    {
      provide: TOKEN_VERIFIER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const jwksUrl = config.get('AUTH_JWKS_URL', { infer: true });
        const issuer = config.get('AUTH_ISSUER', { infer: true });
        const audience = config.get('AUTH_AUDIENCE', { infer: true });
        if (jwksUrl && issuer && audience) return new OidcTokens({ jwksUrl, issuer, audience });
        return new LocalTokens(localSecret(config.get('DATA_DIR', { infer: true }), config.get('AUTH_SECRET', { infer: true })));
      },
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ORG_UNITS, TOKEN_VERIFIER],
})
export class AuthModule {}
