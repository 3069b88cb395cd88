/** The Swedish phrases the seeders draw from: what municipalities and county analysts write. */

export const ITEM_COMMENTS: Record<string, readonly string[]> = {
  'social-risk': [
    'Ökad oro kring centrum under helgkvällar.',
    'Grupper av unga samlas vid resecentrum; fältgruppen har förstärkt närvaron.',
    'Läget lugnare efter dialogmöte med föräldrar och föreningar.',
    'Anlagda bränder i containrar i två bostadsområden.',
  ],
  'crime-prevention': [
    'Trygghetsvandring genomförd med bostadsbolaget och polisen.',
    'Belysningen vid gång- och cykeltunneln är åtgärdad.',
    'Fler anmälningar om skadegörelse på skolor under loven.',
    'Samverkan med kommunpolisen fungerar väl.',
  ],
  'violent-extremism': [
    'Klistermärken med propaganda har iakttagits vid skolor.',
    'Inga nya signaler under perioden.',
    'Orosanmälan från skola hanterad enligt kommunens rutin.',
    'Organiserad högerextrem aktivitet i samband med torgmöte.',
  ],
  andt: [
    'Signaler om ökad tillgång till narkotika bland unga.',
    'Tillsyn av tobaksförsäljning genomförd i samverkan med polisen.',
    'Ordningsstörningar vid festival i samband med alkohol.',
    'Inga förändringar jämfört med föregående månad.',
  ],
};

export const HOTSPOTS: readonly string[] = [
  'Resecentrum och centrala torget kvällstid',
  'Området kring badhuset och idrottsplatsen',
  'Skolgården vid högstadieskolan helgtid',
  'Köpcentrumets parkering',
];

export const SUMMARIES: readonly string[] = [
  'Läget i kommunen är i stort sett oförändrat jämfört med föregående månad.',
  'Något ökad oro bland unga i centralorten; insatser pågår i samverkan.',
  'Lugnt läge. Fortsatt fokus på förebyggande arbete i skolan.',
  'Flera händelser under perioden har föranlett extra samverkansmöten.',
];

export const SUPPORT_NEEDS: readonly string[] = [
  'Stöd behövs i arbetet med att ta fram en lokal lägesbild tillsammans med polisen.',
  'Önskar utbildning för skolpersonal om våldsbejakande extremism.',
  'Behov av stöd vid revidering av handlingsplanen.',
];

export const AMENDMENT_REASONS: readonly string[] = [
  'Kompletterat efter avstämning med kommunpolisen.',
  'Rättat antal efter uppgifter från räddningstjänsten.',
  'Ny information från skolan har tillkommit.',
  'Felregistrering rättad.',
];

export const REOPENING_REASONS: readonly string[] = [
  'Kommunen har inkommit med väsentliga kompletteringar.',
  'Rättelse av felaktiga uppgifter efter fastställande.',
];

export const ASSESSMENT_TEXTS: Record<string, readonly string[]> = {
  'social-risk': ['Den sociala oron är fortsatt måttlig i länet, med lokala variationer.', 'Oron har ökat i några av länets större kommuner.'],
  'crime-prevention': ['Otryggheten är oförändrad; flera kommuner arbetar med platssamverkan.', 'Våld i offentlig miljö har minskat något.'],
  'violent-extremism': ['Propagandaspridning förekommer i flera kommuner men är inte ökande.', 'Den högerextrema miljön är fortsatt aktiv i delar av länet.'],
  andt: ['Tillgången till narkotika bedöms som fortsatt hög.', 'Alkoholrelaterade ordningsstörningar följer säsongsmönstret.'],
};

export const TREND_TEXTS: readonly string[] = [
  'Inga tydliga förändringar i länet jämfört med föregående månad.',
  'Ökande trend för anlagda bränder i flera kommuner.',
  'Minskande antal rapporterade hatbrott.',
];

export const FEEDBACK: readonly string[] = [
  'Tack för en utförlig rapport. Hör gärna av er om stöd i handlingsplanen.',
  'Vi noterar ökningen av bränder och följer upp vid nästa nätverksmöte.',
  'Komplettera gärna med källor från skolan.',
];

export const RISKS: Record<string, ReadonlyArray<{ title: string; description: string }>> = {
  'social-risk': [
    { title: 'Social oro i bostadsområde', description: 'Återkommande bränder och stenkastning mot blåljuspersonal.' },
    { title: 'Oroande samlingar av unga', description: 'Större grupper av unga samlas sent på kvällar i centrum.' },
  ],
  'crime-prevention': [
    { title: 'Otrygg miljö vid resecentrum', description: 'Rån och hot mot resenärer kvällstid.' },
    { title: 'Skadegörelse på skolor', description: 'Omfattande skadegörelse under lov och helger.' },
  ],
  'violent-extremism': [
    { title: 'Rekrytering till våldsbejakande miljö', description: 'Signaler om rekrytering av unga via sociala medier.' },
    { title: 'Hot mot förtroendevalda', description: 'Hot och trakasserier mot förtroendevalda inför val.' },
  ],
  andt: [
    { title: 'Ökad tillgång till narkotika', description: 'Narkotika säljs öppet vid skolor enligt flera källor.' },
    { title: 'Langning av alkohol till unga', description: 'Langning i samband med skolavslutning och högtider.' },
  ],
};

export const REASSESSMENTS: readonly string[] = [
  'Nya uppgifter från polisen ger anledning att ompröva bedömningen.',
  'Genomförda åtgärder har minskat sannolikheten.',
  'Händelser under perioden visar högre konsekvens än bedömt.',
];

export const CLOSURES: readonly string[] = ['Risken bedöms inte längre aktuell efter genomförda åtgärder.', 'Risken hanteras inom ordinarie verksamhet.'];

export const ACTIONS: readonly string[] = [
  'Förstärkt fältverksamhet kvällstid',
  'Utbildning för skolpersonal',
  'Platssamverkan med bostadsbolag och polis',
  'Informationsinsats till vårdnadshavare',
  'Kartläggning tillsammans med socialtjänsten',
];

export const OWNERS: readonly string[] = ['Säkerhetssamordnare', 'Socialchef', 'Fältgruppen', 'Samordnare mot våldsbejakande extremism', 'Brottsförebyggande rådet'];

export const ACTIVITIES: ReadonlyArray<{ kind: 'training' | 'network-meeting' | 'workshop' | 'newsletter' | 'conference' | 'consultation'; title: string }> = [
  { kind: 'network-meeting', title: 'Nätverksträff för kommunala samordnare' },
  { kind: 'training', title: 'Utbildning: Orosanmälan och våldsbejakande extremism' },
  { kind: 'workshop', title: 'Workshop om lokal lägesbild' },
  { kind: 'newsletter', title: 'Nyhetsbrev till kommunerna' },
  { kind: 'conference', title: 'Regional konferens om trygghet och brottsförebyggande arbete' },
  { kind: 'consultation', title: 'Konsultation med kommunens säkerhetsfunktion' },
];

export const PARTNERS: readonly string[] = ['Polisen', 'Region', 'Räddningstjänsten', 'Kriminalvården', 'Skolverket', 'Civilsamhället', 'Trossamfund'];

export const TIME_NOTES: readonly string[] = ['Sammanställning av kommunrapporter', 'Analys inför regional lägesbild', 'Återkoppling till kommuner', 'Förberedelse nätverksträff'];

export const GOALS: ReadonlyArray<{ kind: 'effect' | 'project' | 'indicator'; text: string }> = [
  { kind: 'effect', text: 'Alla kommuner i länet har en aktuell handlingsplan mot våldsbejakande extremism.' },
  { kind: 'project', text: 'En regional lägesbild sammanställs varje månad och återkopplas till kommunerna.' },
  { kind: 'indicator', text: 'Andel kommuner som rapporterar i tid.' },
  { kind: 'effect', text: 'Ökad samverkan mellan kommuner, polis och region i det brottsförebyggande arbetet.' },
];

export const GOAL_NARRATIVES: readonly string[] = [
  'Arbetet fortskrider enligt plan.',
  'Förseningar i några kommuner; stöd erbjuds.',
  'Målet bedöms uppnås under året.',
];

export const NARRATIVE: Record<number, string> = {
  1: 'Länsstyrelsen har under perioden samordnat kommunernas arbete med den sociala lägesbilden. Sammanfattningsvis är läget i länet stabilt, med lokala variationer.',
  2: 'Uppdraget omfattar att samordna och stödja kommunernas arbete mot sociala risker, brott, våldsbejakande extremism och ANDT.',
  3: 'Arbetet har bedrivits genom nätverksträffar, utbildningar och en månatlig insamling av kommunernas lägesbilder.',
};
