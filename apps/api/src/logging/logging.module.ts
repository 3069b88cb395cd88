import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type Logger, pino } from 'pino';
import type { Environment } from '../config/environment.js';
import { PinoLoggerService } from './pino-logger.service.js';
import { LOG } from './log.token.js';
import { RequestLogMiddleware } from './request-log.middleware.js';

/**
 * Logging: one pino logger for the framework's and our own messages, and one line per
 * answered request. Probes of `/health` are not logged.
 */
@Global()
@Module({
  providers: [
    {
      provide: LOG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): Logger =>
        pino({ level: config.get('LOG_LEVEL', { infer: true }), redact: ['req.headers.authorization', 'req.headers.cookie'] }),
    },
    PinoLoggerService,
  ],
  exports: [LOG, PinoLoggerService],
})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware).forRoutes('{*path}');
  }
}
