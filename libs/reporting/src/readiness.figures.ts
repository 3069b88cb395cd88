import { READINESS_VIEW, type ReadinessRow, type ViewReader } from '@lagesbild/projections';
import type { OrgUnit } from '@lagesbild/reference-data';
import type { Block } from './model.js';

/**
 * Each municipality's readiness against violent extremism as of the report's moment: whether
 * (and since when) it has a coordinator and an adopted or revised action plan — the local
 * structure pilot 2 builds on.
 */
export async function readinessBlocks(reader: ViewReader, municipalities: readonly OrgUnit[]): Promise<Block[]> {
  const rows = await Promise.all(municipalities.map((m) => reader.get<ReadinessRow>(READINESS_VIEW, m.code)));
  const latest = rows.map((r) => r?.latest ?? {});
  const count = (kind: 'coordinator-appointed' | 'action-plan-adopted') => latest.filter((l) => l[kind]).length;
  return [
    { kind: 'heading', text: 'Kommunernas beredskap' },
    {
      kind: 'paragraph',
      text: `${count('coordinator-appointed')} av ${municipalities.length} kommuner har en utsedd samordnare mot våldsbejakande extremism och ${count('action-plan-adopted')} av ${municipalities.length} har en antagen handlingsplan.`,
    },
    {
      kind: 'table',
      caption: 'Samordnare och handlingsplan per kommun (senaste datum)',
      columns: ['Kommun', 'Samordnare utsedd', 'Handlingsplan antagen', 'Handlingsplan reviderad'],
      rows: municipalities.map((m, i) => ({
        cells: [m.name, latest[i]!['coordinator-appointed'] ?? 'Nej', latest[i]!['action-plan-adopted'] ?? 'Nej', latest[i]!['action-plan-revised'] ?? '–'],
      })),
    },
  ];
}
