import type { Answer, TemplateDefinition } from '@lagesbild/domain';
import type { SeededRandom } from './random.js';
import * as text from './texts.js';

/** How a municipality's picture moves: a level per level item, wandering slowly around its base. */
export class MunicipalityProfile {
  readonly size: number;
  private readonly levels = new Map<string, { base: number; now: number }>();
  private readonly previous = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    template: TemplateDefinition,
  ) {
    this.size = random.chance(0.1) ? random.int(3, 6) : 0.5 + random.next() * 1.5;
    for (const area of template.areas) {
      for (const item of area.items) {
        if (item.type !== 'level') continue;
        const base = random.pick([0, 1, 1, 1, 2, 2, 2, 3]);
        this.levels.set(item.id, { base, now: base });
      }
    }
  }

  /** This month's answers to every item, with trends against last month and a few comments. */
  answers(template: TemplateDefinition): Answer[] {
    const r = this.random;
    const answers: Answer[] = [];
    for (const area of template.areas) {
      const areaLevel = this.levels.get(area.items.find((i) => i.type === 'level')?.id ?? '')?.now ?? 1;
      for (const item of area.items) {
        let value: number | boolean | string | undefined;
        switch (item.type) {
          case 'level': {
            const level = this.levels.get(item.id)!;
            if (r.chance(0.18)) level.now = Math.max(0, Math.min(4, level.now + (level.now > level.base ? -1 : level.now < level.base ? 1 : r.pick([-1, 1]))));
            value = level.now;
            break;
          }
          case 'count':
            value = r.poisson(this.size * (0.6 + areaLevel * 0.7));
            break;
          case 'boolean':
            value = r.chance(0.1 + areaLevel * 0.08);
            break;
          case 'text':
            value = r.chance(0.3) ? r.pick(text.HOTSPOTS) : undefined;
            break;
        }
        if (value === undefined) continue;
        const answer: Answer = { item: item.id, value };
        if (typeof value === 'number') {
          const before = this.previous.get(item.id);
          this.previous.set(item.id, value);
          answer.trend = before === undefined || r.chance(0.04) ? 'unknown' : value > before ? 'rising' : value < before ? 'falling' : 'unchanged';
        }
        if (item.type === 'level' && r.chance(0.12)) answer.comment = r.pick(text.ITEM_COMMENTS[area.id] ?? text.SUMMARIES);
        if (item.type === 'level' && r.chance(0.2)) answer.sources = r.some(template.sources.map((s) => s.value), r.int(1, 2));
        answers.push(answer);
      }
    }
    return answers;
  }

  /** A correction of one or two counts (what an amendment usually is). */
  correction(template: TemplateDefinition): Answer[] {
    const counts = template.areas.flatMap((a) => a.items).filter((i) => i.type === 'count');
    return this.random.some(counts, this.random.int(1, 2)).map((item) => ({ item: item.id, value: this.random.poisson(this.size * 2) + 1, trend: 'rising' as const }));
  }
}
