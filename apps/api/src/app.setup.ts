import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ConfigService } from '@nestjs/config';
import { PinoLoggerService } from './logging/pino-logger.service.js';
import { rateLimitPerTokenAndAddress } from './http/rate-limit.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { shareProblemResponses } from './problem/problem.response.js';
import { ValidationFailedException } from './problem/validation-failed.exception.js';
import { webAppDirectory, webAppMiddleware } from './web/web-app.js';

export const API_PREFIX = 'api/v1';

/** The largest request body taken; a larger one is a 413. */
export const BODY_LIMIT = '1mb';

/**
 * Everything the running api and the e2e tests share: the base path, validation that
 * rejects unknown fields, problem+json for every error, and the OpenAPI docs.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(PinoLoggerService));
  // No ETag hashed from each answer's body: every query answer carries the moment it was
  // given (`meta.asOf`), so such a tag never matches twice, and hashing it cost every read.
  // Commands and a report send `ETag: "<revision>"` themselves.
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set('etag', false);
  // Security headers everywhere; the Swagger UI needs its inline scripts, so no CSP there.
  // The web app's scripts and styles are its own files ('self'); with OIDC it also calls
  // the provider's token endpoint, so only that origin is added to connect-src.
  const config = app.get(ConfigService);
  const issuer = config.get<string>('AUTH_ISSUER');
  const strict = helmet({ contentSecurityPolicy: { directives: { connectSrc: ["'self'", ...(issuer ? [new URL(issuer).origin] : [])] } } });
  const forDocs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith(`/${API_PREFIX}/docs`) ? forDocs : strict)(req, res, next));
  // Before anything else does work for the request (a flood of forged tokens is limited too).
  app.use(rateLimitPerTokenAndAddress(config.get<number>('RATE_LIMIT') ?? 6000));
  // The web app at `/` (built by `npm run build` into dist/web), when it has been built.
  const web = webAppDirectory();
  if (web) app.use(webAppMiddleware(web));
  (app as INestApplication & { useBodyParser(type: string, options: object): void }).useBodyParser('json', { limit: BODY_LIMIT });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => ValidationFailedException.fromValidationErrors(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());

  SwaggerModule.setup(`${API_PREFIX}/docs`, app, openApiDocument(app), { jsonDocumentUrl: `${API_PREFIX}/docs-json` });

  // The operations endpoints also answer at the root, where probes and people look first.
  const http = app.getHttpAdapter().getInstance() as {
    get(path: string, handler: (req: Request, res: Response, next: NextFunction) => void): void;
  };
  for (const path of ['health', 'metrics']) {
    http.get(`/${path}`, (req, _res, next) => {
      req.url = `/${API_PREFIX}/${path}`;
      next();
    });
  }
  http.get('/docs', (_req, res) => res.redirect(302, `/${API_PREFIX}/docs`));
  http.get('/docs-json', (_req, res) => res.redirect(302, `/${API_PREFIX}/docs-json`));
  return app;
}

/** The OpenAPI document of a configured app: what `/docs-json` serves and the web app's types are generated from. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Lägesbild API')
    .setDescription('Månatlig lägesbild: sociala risker, brottsförebyggande arbete, våldsbejakande extremism och ANDT.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return shareProblemResponses(SwaggerModule.createDocument(app, builder));
}
