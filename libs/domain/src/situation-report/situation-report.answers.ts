import type { FieldProblem } from '../shared/domain-error.js';
import { LEVEL_MAX, LEVEL_MIN, TRENDS, type TemplateDefinition, templateItems } from '../template/template.types.js';
import type { Answer } from './situation-report.types.js';

const MAX_TEXT = 10_000;

/** Checks answers against the template version they answer; names each offending field. */
export function answerProblems(template: TemplateDefinition, answers: Answer[], path = 'answers'): FieldProblem[] {
  const items = templateItems(template);
  const sources = new Set(template.sources.map((s) => s.value));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  answers.forEach((answer, i) => {
    const at = `${path}.${i}`;
    const item = items.get(answer.item);
    if (!item) {
      problems.push({ path: `${at}.item`, message: `unknown item "${answer.item}" in template version ${template.version}` });
      return;
    }
    if (seen.has(answer.item)) problems.push({ path: `${at}.item`, message: `item "${answer.item}" is answered twice` });
    seen.add(answer.item);
    const value = answer.value;
    switch (item.type) {
      case 'level':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < LEVEL_MIN || value > LEVEL_MAX) {
          problems.push({ path: `${at}.value`, message: `"${item.id}" is a level: a whole number from ${LEVEL_MIN} to ${LEVEL_MAX}` });
        }
        break;
      case 'count':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          problems.push({ path: `${at}.value`, message: `"${item.id}" is a count: a whole number, 0 or more` });
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push({ path: `${at}.value`, message: `"${item.id}" is yes/no: true or false` });
        break;
      case 'text':
        if (typeof value !== 'string' || value.length > MAX_TEXT) {
          problems.push({ path: `${at}.value`, message: `"${item.id}" is a text of at most ${MAX_TEXT} characters` });
        }
        break;
      default: {
        const never: never = item.type;
        throw new Error(`unhandled item type ${String(never)}`);
      }
    }
    if (answer.trend !== undefined && !(TRENDS as readonly string[]).includes(answer.trend)) {
      problems.push({ path: `${at}.trend`, message: `must be one of ${TRENDS.join(', ')}` });
    }
    (answer.sources ?? []).forEach((source, k) => {
      if (!sources.has(source)) problems.push({ path: `${at}.sources.${k}`, message: `unknown source "${source}"` });
    });
  });
  return problems;
}

export function sourceProblems(template: TemplateDefinition, sources: string[], path = 'sources'): FieldProblem[] {
  const known = new Set(template.sources.map((s) => s.value));
  return sources.flatMap((source, k) => (known.has(source) ? [] : [{ path: `${path}.${k}`, message: `unknown source "${source}"` }]));
}
