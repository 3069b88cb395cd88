/** The roles of API.md's table. */
export const ROLES = ['municipal_reporter', 'county_analyst', 'support_worker', 'national_reader', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who is calling, from a verified token: `sub`, `name`, `roles`, `org`. */
export interface Principal {
  id: string;
  name: string;
  roles: Role[];
  org: string;
}
