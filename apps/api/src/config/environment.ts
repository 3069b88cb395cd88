import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The environment the api runs with (API.md "Configuration"), validated at start. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1, { message: 'PORT must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 1 and 65535' })
  PORT: number = 3000;

  @IsString()
  @MinLength(1, { message: 'DATA_DIR must name a directory' })
  DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/.+/, { message: 'EVENTSTORE_URL must be an esdb:// connection string' })
  EVENTSTORE_URL?: string;

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'MONGODB_URL must be a mongodb:// connection string' })
  MONGODB_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_SECRET must be at least 32 characters' })
  AUTH_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false }, { message: 'AUTH_ISSUER must be a URL' })
  AUTH_ISSUER?: string;

  @IsOptional()
  @IsString()
  AUTH_AUDIENCE?: string;

  /** The web app's OIDC client id (authorization code with PKCE); AUTH_AUDIENCE when unset. */
  @IsOptional()
  @IsString()
  AUTH_CLIENT_ID?: string;

  @IsOptional()
  @IsUrl({ require_tld: false }, { message: 'AUTH_JWKS_URL must be a URL' })
  AUTH_JWKS_URL?: string;

  /** Requests a minute per token and address; more get 429 with Retry-After. */
  @IsInt({ message: 'RATE_LIMIT must be a whole number of requests a minute, 1 or more' })
  @Min(1, { message: 'RATE_LIMIT must be a whole number of requests a minute, 1 or more' })
  RATE_LIMIT: number = 6000;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

/** Thrown when the environment is not usable; its message lists every offending variable. */
export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/** For `ConfigModule.forRoot({ validate })`: a bad value stops the start with a clear message. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, present, { enableImplicitConversion: false });
  for (const name of ['PORT', 'RATE_LIMIT'] as const) {
    const value = present[name];
    if (typeof value === 'string') env[name] = /^\d+$/.test(value) ? Number(value) : NaN;
  }
  const problems = [
    ...new Set(
      validateSync(env).flatMap((error) =>
        Object.values(error.constraints ?? {}).map((message) => `${message} (got ${JSON.stringify(raw[error.property])})`),
      ),
    ),
  ];
  if (env.NODE_ENV === 'production' && !(env.AUTH_ISSUER && env.AUTH_AUDIENCE && env.AUTH_JWKS_URL)) {
    problems.push('NODE_ENV=production needs AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL (tokens from your OIDC provider)');
  }
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return env;
}
