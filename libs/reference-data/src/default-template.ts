import { readFileSync } from 'node:fs';
import type { TemplateDefinition } from '@lagesbild/domain';

/** The default reporting template, version 1 (datasets/template-v1.json). */
export function defaultTemplate(): TemplateDefinition {
  return JSON.parse(readFileSync(new URL('./datasets/template-v1.json', import.meta.url), 'utf8')) as TemplateDefinition;
}
