/**
 * What the api answers at a path, read from the generated schema: a path as the web app writes it
 * (`/org-units/${code}/reports/${period}`) finds its operation by the document's template
 * (`/api/v1/org-units/{code}/reports/{period}`), so a call's answer is typed by the path it asks.
 */
import type { paths } from './schema';

type Prefixed = keyof paths;

/** A document path without the `/api/v1` every path has. */
type Route<K> = K extends `/api/v1${infer R}` ? R : never;

/** `/org-units/{code}` as the strings it stands for: `/org-units/${string}`. */
type Pattern<R extends string> = R extends `${infer Head}{${string}}${infer Tail}` ? `${Head}${string}${Pattern<Tail>}` : R;

/** The JSON body of an operation's 2xx answer. */
type Json<Op> = Op extends { responses: infer Responses }
  ? { [S in keyof Responses]: S extends 200 | 201 ? (Responses[S] extends { content: { 'application/json': infer Body } } ? Body : never) : never }[keyof Responses]
  : never;

type Method = 'get' | 'post' | 'put';

/** Each route that has the method, with the operation. */
type Operations<M extends Method> = { [K in Prefixed as paths[K][M] extends object ? Route<K> : never]: paths[K][M] };

/** The routes whose pattern the path fits. */
type Fitting<M extends Method, P extends string> = { [R in keyof Operations<M>]: P extends Pattern<R & string> ? R : never }[keyof Operations<M>];

/** Of the routes a path fits, the most specific: `/templates/current` rather than `/templates/{version}`. */
type MostSpecific<R, All = R> = R extends string ? ([All extends string ? (All extends R ? never : Pattern<All> extends Pattern<R> ? All : never) : never] extends [never] ? R : never) : never;

/** Every path the api answers a method at, as the web app writes it. */
export type ApiPath<M extends Method> = Pattern<keyof Operations<M> & string>;

/** The operation a path asks with a method. */
export type OperationAt<M extends Method, P extends string> = Operations<M>[MostSpecific<Fitting<M, P>> & keyof Operations<M>];

/** What a query of the path answers. */
export type QueryAnswer<P extends string> = Json<OperationAt<'get', P>>;

/** What a command to the path answers. */
export type CommandResult<M extends 'post' | 'put', P extends string> = Json<OperationAt<M, P>>;
