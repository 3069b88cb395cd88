import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { Access } from '../auth/access.decorator.js';
import { ApiQueryAnswer } from '../http/answer.response.js';
import { resolveAsOf } from '../http/as-of.js';
import { CheckpointService } from './checkpoint.service.js';
import { ApiPublicKey, CheckpointPageResponse } from './checkpoints.response.js';

const POSITION = /^\d{1,19}$/;
const PAGE = 1000;

/** The log's signed checkpoints and the key that checks them: anchors anyone can keep a copy of. */
@ApiTags('Granskning')
@Controller('audit/checkpoints')
export class CheckpointsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly checkpoints: CheckpointService,
  ) {}

  @Get()
  @Access('audit:read', 'principal')
  @ApiQuery({ name: 'after', required: false, description: 'position: checkpoints after it (standard: alla)' })
  @ApiOperation({ summary: 'Signerade kontrollpunkter av händelseloggen: {position, hash, at, signedText, signature} (Ed25519, base64)' })
  @ApiQueryAnswer(CheckpointPageResponse)
  async list(@Query('after') after: unknown) {
    if (after !== undefined && (typeof after !== 'string' || !POSITION.test(after))) {
      throw new ValidationError('Bad checkpoint query', [{ path: 'after', message: 'must be a log position (a whole number)' }]);
    }
    const { meta } = await resolveAsOf(this.store, {});
    return { items: this.checkpoints.after(BigInt(after ?? '0'), PAGE), meta };
  }

  @Get('public-key')
  @Access('audit:read', 'principal')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiOperation({ summary: 'Den publika nyckeln (PEM) som kontrollpunkternas signaturer kontrolleras mot' })
  @ApiPublicKey()
  publicKey(): string {
    return this.checkpoints.publicKeyPem;
  }
}
