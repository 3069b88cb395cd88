/**
 * The framework's own ceiling on this machine: a NestJS app with one POST route that does no
 * work and answers like a command. Baseline of the commands and load benchmarks.
 */
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class BareController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Post('bare')
  @HttpCode(201)
  bare(@Body() _body: unknown) {
    return { id: 'bare', revision: 0, position: '0' };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

const app = await NestFactory.create(BareModule, { logger: ['error'] });
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT ?? 3999));
