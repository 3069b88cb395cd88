import { monthNameOf } from '@lagesbild/domain';

/** The report-back's sections, as in the county board's 2018 report (seeds/). */
export const SECTION_TITLES: Record<number, string> = {
  1: 'Sammanfattning',
  2: 'Kontaktpersoner för arbetet',
  3: 'Syfte',
  4: 'Tidigare erfarenhet av arbete inom fältet',
  5: 'Organisering och styrning',
  6: 'Målgrupp/er',
  7: 'Aktiviteter',
  8: 'Resultat av kartläggningar',
  9: 'Måluppfyllelse',
  10: 'Bonuseffekter',
  11: 'Samverkan',
  12: 'Kompetensförsörjning',
  13: 'Hållbarhet',
  14: 'Lärande',
  15: 'Bilagor',
};

export const ACTIVITY_KIND: Record<string, string> = {
  training: 'Utbildning',
  'network-meeting': 'Nätverksträff',
  workshop: 'Workshop',
  newsletter: 'Nyhetsbrev',
  conference: 'Konferens',
  consultation: 'Konsultation',
  other: 'Övrigt',
};

export const TIME_KIND: Record<string, string> = {
  collection: 'Insamling',
  analysis: 'Analys',
  feedback: 'Återkoppling',
  'case-support': 'Ärendestöd',
  training: 'Utbildning',
  other: 'Övrigt',
};

export const GOAL_KIND: Record<string, string> = { effect: 'Effektmål', project: 'Projektmål', indicator: 'Indikator' };

export const GOAL_STATUS: Record<string, string> = {
  'not-started': 'Ej påbörjat',
  'on-track': 'Enligt plan',
  'at-risk': 'Risk för avvikelse',
  'off-track': 'Avviker',
  achieved: 'Uppnått',
  'not-achieved': 'Ej uppnått',
};

export const REFERRAL_TARGET: Record<string, string> = {
  cve: 'Centret mot våldsbejakande extremism (CVE)',
  'exit-programme': 'Avhopparverksamhet',
  'social-services': 'Socialtjänsten',
  police: 'Polisen',
  healthcare: 'Hälso- och sjukvården',
  other: 'Övrigt',
};

export const READINESS_KIND: Record<string, string> = {
  'coordinator-appointed': 'Samordnare utsedd',
  'action-plan-adopted': 'Handlingsplan antagen',
  'action-plan-revised': 'Handlingsplan reviderad',
};

export const ACTION_STATUS: Record<string, string> = {
  proposed: 'Föreslagen',
  approved: 'Beslutad',
  rejected: 'Avslagen',
  started: 'Påbörjad',
  completed: 'Genomförd',
  cancelled: 'Avbruten',
};


/** `2018-03` → `mars 2018`. */
export const monthName = monthNameOf;

/** A share the Swedish way: `0.734` → `73 %`. */
export const swedishPercent = (share: number) => `${Math.round(share * 100)}\u00a0%`;

/** A number the Swedish way, with at most two decimals (fixed, not the machine's locale). */
export function swedishNumber(n: number): string {
  const [whole, fraction] = (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '').split('.') as [string, string?];
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}
