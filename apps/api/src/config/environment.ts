import { plainToInstance } from 'class-transformer';
import { readSigningKey } from '@lagesbild/event-store';
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

  /** Mail goes out only with both: the SMTP server and the sender's address. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'SMTP_FROM must be an e-mail address' })
  SMTP_FROM?: string;

  /** The web app's address, for the links in mails (default: this api on localhost). */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'APP_URL must be an http(s):// URL' })
  APP_URL?: string;

  /** How often the api runs the reminder pass; 0: never (then `cli reminders` does). */
  @IsInt({ message: 'REMINDER_INTERVAL_SECONDS must be a whole number of seconds, 0 or more' })
  @Min(0, { message: 'REMINDER_INTERVAL_SECONDS must be a whole number of seconds, 0 or more' })
  REMINDER_INTERVAL_SECONDS: number = 900;

  /** How often the api mails new notifications (with SMTP_URL and SMTP_FROM). */
  @IsInt({ message: 'MAIL_INTERVAL_SECONDS must be a whole number of seconds, 1 or more' })
  @Min(1, { message: 'MAIL_INTERVAL_SECONDS must be a whole number of seconds, 1 or more' })
  MAIL_INTERVAL_SECONDS: number = 30;

  /**
   * The Ed25519 private key (PEM) that signs the log's checkpoints. Unset, one is generated into
   * DATA_DIR; production keeps it off the data volume, out of reach of whoever can edit the log.
   */
  @IsOptional()
  @IsString()
  SIGNING_KEY_FILE?: string;
}

/** A given key file must hold the key: generating a new one there would silently break the checkpoints' trail. */
function signingKeyProblems(file: string): string[] {
  try {
    readSigningKey(file);
    return [];
  } catch (error) {
    return [`SIGNING_KEY_FILE must name a readable Ed25519 private key in PEM (got ${JSON.stringify(file)}: ${(error as Error).message})`];
  }
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
  for (const name of ['PORT', 'RATE_LIMIT', 'REMINDER_INTERVAL_SECONDS', 'MAIL_INTERVAL_SECONDS'] as const) {
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
  if ((env.SMTP_URL === undefined) !== (env.SMTP_FROM === undefined)) problems.push('SMTP_URL and SMTP_FROM go together: set both to send mail, or neither');
  if (env.SIGNING_KEY_FILE !== undefined) problems.push(...signingKeyProblems(env.SIGNING_KEY_FILE));
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return env;
}
