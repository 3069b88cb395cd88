import { Inject, Injectable } from '@nestjs/common';
import { TEMPLATE_STREAM_ID, type TemplateDefinition, type TemplateVersionPublished } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { defaultTemplate } from '@lagesbild/reference-data';

/** The template versions: the built-in version 1 and every version published since. */
@Injectable()
export class TemplateCatalog {
  readonly builtIn: TemplateDefinition = defaultTemplate();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async versions(asOfPosition?: bigint): Promise<TemplateDefinition[]> {
    const published = await this.store.readStream(TEMPLATE_STREAM_ID, { toPosition: asOfPosition });
    return [this.builtIn, ...published.map((e) => (e as unknown as TemplateVersionPublished).data)];
  }

  async version(version: number): Promise<TemplateDefinition | undefined> {
    return (await this.versions()).find((t) => t.version === version);
  }

  async current(): Promise<TemplateDefinition> {
    const all = await this.versions();
    return all[all.length - 1]!;
  }
}
