/** One fetch wrapper for the documented /api/v1: bearer token, asOf, problem+json. */
import type { ApiPath, CommandResult, QueryAnswer } from './api-paths';
import type { ProblemDetails } from './types';

/** The api's problem details as the client holds them: a network failure or a body that is not one has a title and status only. */
export type Problem = Pick<ProblemDetails, 'title' | 'status'> & Partial<Pick<ProblemDetails, 'type' | 'detail' | 'errors'>>;

/** An answer other than 2xx, with the api's problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message for one field (`answers.0.value`), if the api named it. */
  fieldMessage(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

export type Query = Record<string, string | number | undefined>;

export type CommandMethod = 'POST' | 'PUT';

export interface ApiSettings {
  token: () => string | undefined;
  /** The time machine's moment (ISO), added to every query as `asOf`. */
  asOf: () => string | undefined;
  /** Called on a 401, so the app can send the user back to sign in. */
  onUnauthenticated: () => void;
}

const API_BASE = '/api/v1';

function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

export class ApiClient {
  constructor(private readonly settings: ApiSettings) {}

  /** A query: answers as of the time machine's moment when one is set (or the `asOf` it is given); typed by its path. */
  get<P extends ApiPath<'get'>>(path: P, query: Query = {}): Promise<QueryAnswer<P>> {
    return this.request<QueryAnswer<P>>('GET', apiUrl(path, { ...query, asOf: 'asOf' in query ? query.asOf : this.settings.asOf() }));
  }

  /** A query whose body is a file (md, html, pdf), as a Blob. */
  async blob(path: string, query: Query = {}): Promise<Blob> {
    return (await this.raw(path, query)).blob();
  }

  /** A query's whole answer, headers included (for paged files: X-Next-After). */
  raw(path: string, query: Query = {}): Promise<Response> {
    return this.fetch('GET', apiUrl(path, { asOf: this.settings.asOf(), ...query }));
  }

  /** A command (never with asOf: commands record now); its answer typed by its method and path. */
  send<M extends CommandMethod, P extends ApiPath<Lowercase<M>>>(method: M, path: P, body: unknown): Promise<CommandResult<Lowercase<M>, P>> {
    return this.request<CommandResult<Lowercase<M>, P>>(method, apiUrl(path), body);
  }

  private async request<T>(method: string, url: string, body?: unknown): Promise<T> {
    const response = await this.fetch(method, url, body);
    return (await response.json()) as T;
  }

  private async fetch(method: string, url: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = this.settings.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError({ title: 'Nätverksfel', status: 0, detail: 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.' });
    }
    if (response.ok) return response;
    const problem = await problemOf(response);
    if (response.status === 401) this.settings.onUnauthenticated();
    throw new ApiError(problem);
  }
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { title: body.title ?? response.statusText, status: response.status, detail: body.detail, errors: body.errors, type: body.type };
  } catch {
    return { title: response.statusText || 'Fel', status: response.status };
  }
}

/** What a user reads for an error: Swedish for the statuses they meet. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Något gick fel. Försök igen.';
  switch (error.status) {
    case 0:
      return error.problem.detail!;
    case 401:
      return 'Du är inte inloggad längre. Logga in igen.';
    case 403:
      return 'Du saknar behörighet till det här för din roll och organisation.';
    case 404:
      return 'Det finns inget registrerat här.';
    case 409:
      return `Konflikt: ${error.problem.detail ?? 'åtgärden krockar med det som redan är registrerat.'}`;
    case 429:
      return 'För många förfrågningar just nu. Vänta en stund och försök igen.';
    case 503:
      return 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.';
    default:
      return error.problem.detail ?? error.problem.title;
  }
}
