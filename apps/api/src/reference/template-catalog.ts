import { Inject, Injectable } from '@nestjs/common';
import { TEMPLATE_STREAM_ID, type TemplateDefinition, type TemplateVersionPublished } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { defaultTemplate } from '@lagesbild/reference-data';

/**
 * The template versions: the built-in version 1 and every version published since. A
 * published version never changes, so what has been read of the template stream is kept and
 * only what lies beyond is read: the stream is read again only once the log has moved past
 * what was read (asked at the head, once per new head, not once per question).
 */
@Injectable()
export class TemplateCatalog {
  readonly builtIn: TemplateDefinition = defaultTemplate();
  /** The published versions read so far, with the position each was published at. */
  private readonly published: Array<{ position: bigint; definition: TemplateDefinition }> = [];
  /** The log position through which the template stream has been read (a committed one). */
  private readThrough = 0n;
  /** One read of the stream at a time; callers meanwhile share it. */
  private reading: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The versions published by `asOfPosition` (default: the head of the log). */
  async versions(asOfPosition?: bigint): Promise<TemplateDefinition[]> {
    const at = asOfPosition ?? (await this.store.headPosition());
    if (at > this.readThrough) {
      // Beyond the head a position is not known to be final: read it, keep nothing new.
      if (asOfPosition !== undefined && asOfPosition > (await this.store.headPosition())) return this.readUncached(asOfPosition);
      await this.readUpTo(at);
    }
    return [this.builtIn, ...this.published.filter((p) => p.position <= at).map((p) => p.definition)];
  }

  /** A version by number: one known is answered from memory (versions never change). */
  async version(version: number): Promise<TemplateDefinition | undefined> {
    const known = version === this.builtIn.version ? this.builtIn : this.published.find((p) => p.definition.version === version)?.definition;
    return known ?? (await this.versions()).find((t) => t.version === version);
  }

  async current(): Promise<TemplateDefinition> {
    const all = await this.versions();
    return all[all.length - 1]!;
  }

  private async readUpTo(position: bigint): Promise<void> {
    while (position > this.readThrough) {
      this.reading ??= (async () => {
        const target = position;
        const events = await this.store.readStream(TEMPLATE_STREAM_ID, { fromRevision: this.published.length, toPosition: target });
        for (const event of events) this.published.push({ position: event.position, definition: (event as unknown as TemplateVersionPublished).data });
        if (target > this.readThrough) this.readThrough = target;
      })().finally(() => (this.reading = undefined));
      await this.reading;
    }
  }

  private async readUncached(asOfPosition: bigint): Promise<TemplateDefinition[]> {
    const events = await this.store.readStream(TEMPLATE_STREAM_ID, { toPosition: asOfPosition });
    return [this.builtIn, ...events.map((e) => (e as unknown as TemplateVersionPublished).data)];
  }
}
