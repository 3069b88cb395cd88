import type { TemplateDefinition } from '../template/template.types.js';

/** A small template in the shape of the default one: one item of each type. */
export const fixtureTemplate: TemplateDefinition = {
  version: 1,
  changeNote: 'Testmall',
  scale: { levels: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Nivå ${value}` })) },
  trends: ['rising', 'unchanged', 'falling', 'unknown'].map((value) => ({ value, label: value })),
  sources: ['school', 'social-services', 'municipal-police'].map((value) => ({ value, label: value })),
  areas: [
    {
      id: 'social-risk',
      label: 'Sociala risker och social oro',
      items: [
        { id: 'social-risk.level', type: 'level', label: 'Samlad bedömning' },
        { id: 'social-risk.fires-vandalism', type: 'count', label: 'Anlagda bränder' },
      ],
    },
    {
      id: 'andt',
      label: 'ANDT',
      items: [
        { id: 'andt.doping', type: 'boolean', label: 'Doping' },
        { id: 'andt.note', type: 'text', label: 'Övrigt' },
      ],
    },
  ],
};
