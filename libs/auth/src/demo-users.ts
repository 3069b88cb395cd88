import type { Principal } from './roles.js';

/**
 * One demo user per role, in Dalarna (county 20) and Ludvika (2085): `npm run demo` prints a
 * token for each, and the web app's sign-in page lists them (embedded default only).
 */
export const DEMO_USERS: readonly Principal[] = [
  { id: 'kim.kommun', name: 'Kim Kommun (Ludvika)', roles: ['municipal_reporter'], org: '2085' },
  { id: 'li.lan', name: 'Li Län (Länsstyrelsen Dalarna)', roles: ['county_analyst'], org: '20' },
  { id: 'sam.stod', name: 'Sam Stöd (regionalt stöd)', roles: ['support_worker'], org: '20' },
  { id: 'nora.nationell', name: 'Nora Nationell', roles: ['national_reader'], org: 'SE' },
  { id: 'rut.revisor', name: 'Rut Revisor', roles: ['auditor'], org: 'SE' },
  { id: 'ada.admin', name: 'Ada Admin', roles: ['admin'], org: 'SE' },
];
