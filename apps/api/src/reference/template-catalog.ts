import { Inject, Injectable } from '@nestjs/common';
import { TEMPLATE_STREAM_ID, type TemplateDefinition, type TemplateVersionPublished } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore, readEvents } from '@lagesbild/event-store';
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
  /** The published versions read so far (in stream order), with the position each was published at. */
  private readonly published: Array<{ position: bigint; definition: TemplateDefinition }> = [];
  /** The head of the log through which the template stream has been read. */
  private readThrough = 0n;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The versions published by `asOfPosition` (default, and at most: the head of the log). */
  async versions(asOfPosition?: bigint): Promise<TemplateDefinition[]> {
    if (asOfPosition === undefined || asOfPosition > this.readThrough) {
      const head = await this.store.headPosition();
      if (head > this.readThrough) {
        const events = await readEvents<TemplateVersionPublished>(this.store, TEMPLATE_STREAM_ID, { fromRevision: this.published.length, toPosition: head });
        // Two callers may read the same new versions at once: each is kept once, in its place.
        for (const event of events) {
          if (event.revision === this.published.length) this.published.push({ position: event.position, definition: event.data });
        }
        if (head > this.readThrough) this.readThrough = head;
      }
    }
    const at = asOfPosition ?? this.readThrough;
    return [this.builtIn, ...this.published.filter((p) => p.position <= at).map((p) => p.definition)];
  }

  /**
   * A version by number, if it had been published by `asOfPosition` (default: the head). One
   * known at the head is answered from memory (versions never change).
   */
  async version(version: number, asOfPosition?: bigint): Promise<TemplateDefinition | undefined> {
    if (asOfPosition !== undefined) return (await this.versions(asOfPosition)).find((t) => t.version === version);
    const known = version === this.builtIn.version ? this.builtIn : this.published.find((p) => p.definition.version === version)?.definition;
    return known ?? (await this.versions()).find((t) => t.version === version);
  }

  /** The newest version published by `asOfPosition` (default: the head). */
  async current(asOfPosition?: bigint): Promise<TemplateDefinition> {
    const all = await this.versions(asOfPosition);
    return all[all.length - 1]!;
  }
}
