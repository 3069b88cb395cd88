import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { type Observable, map } from 'rxjs';
import type { AnswerMeta } from './as-of.js';

/** An answer already in JSON (one remembered, say): sent as it is, as application/json. */
export class JsonAnswer {
  private constructor(readonly json: string) {}

  /** An answer's JSON (an object) with `meta` added as its last field. */
  static withMeta(json: string, meta: AnswerMeta): JsonAnswer {
    const tail = `"meta":${JSON.stringify(meta)}}`;
    return new JsonAnswer(json === '{}' ? `{${tail}` : `${json.slice(0, -1)},${tail}`);
  }
}

/** Sends a JsonAnswer's text with the JSON content type; any other result as Nest would. */
@Injectable()
export class JsonAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (!(body instanceof JsonAnswer)) return body;
        context.switchToHttp().getResponse<Response>().type('application/json');
        return body.json;
      }),
    );
  }
}
