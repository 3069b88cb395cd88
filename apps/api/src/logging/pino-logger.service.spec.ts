import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { PinoLoggerService } from './pino-logger.service.js';

/** The service over a pino logger that writes its JSON lines into an array. */
function logged(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { service: new PinoLoggerService(pino({ level }, sink)), lines };
}

describe('PinoLoggerService', () => {
  it('writes Nest’s messages as JSON lines with their level, message and the logging class as context', () => {
    const { service, lines } = logged();
    service.log('Projections caught up', 'Projections');
    service.warn('Slow disk', 'EventStore');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: 'Projections caught up', context: 'Projections' }),
      expect.objectContaining({ level: 40, msg: 'Slow disk', context: 'EventStore' }),
    ]);
  });

  it('keeps an error’s stack, and an object logged with a message keeps both', () => {
    const { service, lines } = logged();
    const stack = 'Error: disk full\n    at write (store.ts:1:1)';
    service.error('Append failed', stack, 'Problem');
    service.error({ projection: 'trends' }, 'projection failed', 'Projections');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'Append failed', stack, context: 'Problem' });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'projection failed', projection: 'trends', context: 'Projections' });
  });

  it('writes nothing below the configured level', () => {
    const { service, lines } = logged('warn');
    service.log('routine', 'App');
    service.debug('detail', 'App');
    service.error('bad', 'App');
    expect(lines.map((l) => l.msg)).toEqual(['bad']);
  });
});
