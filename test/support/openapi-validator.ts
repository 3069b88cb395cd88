import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the checks read. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, OpenApiResponse> };
}

export interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: object; example?: unknown }>;
}

interface OpenApiOperation {
  operationId?: string;
  responses: Record<string, OpenApiResponse | { $ref: string }>;
}

/** A response, or the shared one (`#/components/responses/…`) it refers to. */
export function resolveResponse(document: OpenApiDocument, response: OpenApiResponse | { $ref: string } | undefined): OpenApiResponse | undefined {
  if (!response || !('$ref' in response)) return response;
  return document.components?.responses?.[response.$ref.replace('#/components/responses/', '')];
}

/** A real answer, as supertest gives it. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: unknown;
}

// ajv-formats is CommonJS: under native ESM its function arrives as the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const JSON_TYPES = new Set(['application/json', 'application/problem+json']);

/**
 * The schema with every object that names its properties closed to others (unless it says
 * otherwise): a field the code answers but the document does not name is then a violation,
 * not silently allowed as JSON Schema would. Examples are data, not schemas: left as they are.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, key === 'example' ? value : closed(value)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  const namesProperties = typeof object.properties === 'object' && object.properties !== null && !Array.isArray(object.properties) && object.type === 'object';
  return namesProperties && !('additionalProperties' in object) ? { ...object, additionalProperties: false } : object;
}

/**
 * Checks real answers against the app's own OpenAPI document: the operation is found by method
 * and path template, the response by status (else `default`), the content by media type, and a
 * JSON body is validated with ajv against the declared schema. An answer the document does not
 * describe — an undeclared status or media type, a body its schema refuses, a field it does
 * not name — is a violation.
 */
export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly templates: Array<{ template: string; pattern: RegExp; literals: number }>;
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    // Not strict: OpenAPI adds keywords (example, nullable's kin) that JSON Schema does not know.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: closed(document.components ?? {}) });
    // The most literal template first: `/templates/current` before `/templates/{version}`.
    this.templates = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literals: template.split('/').filter((part) => part && !part.startsWith('{')).length,
      }))
      .sort((a, b) => b.literals - a.literals);
  }

  /** The operation a request reached, as `METHOD /template`, or undefined when the document has none. */
  operationOf(method: string, url: string): string | undefined {
    const path = url.split('?')[0]!;
    const found = this.templates.find(({ template, pattern }) => pattern.test(path) && this.document.paths[template]![method.toLowerCase()]);
    return found && `${method.toUpperCase()} ${found.template}`;
  }

  /** What is wrong with the answer by the document (empty when it describes it). */
  violations(method: string, url: string, answer: Answer): string[] {
    const operation = this.operationOf(method, url);
    if (!operation) return [`${method} ${url}: no operation in the document`];
    const template = operation.slice(operation.indexOf(' ') + 1);
    const { responses } = this.document.paths[template]![method.toLowerCase()]!;
    const response = resolveResponse(this.document, responses[String(answer.status)] ?? responses.default);
    const where = `${operation} → ${answer.status}`;
    if (!response) return [`${where}: the status is not documented (documented: ${Object.keys(responses).join(', ')})`];
    const contentType = String(answer.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!response.content) return answer.text ? [`${where}: a body (${contentType}) where the document declares none`] : [];
    const media = response.content[contentType];
    if (!media) return [`${where}: content type "${contentType}" is not documented (documented: ${Object.keys(response.content).join(', ')})`];
    if (!media.schema || !JSON_TYPES.has(contentType)) return [];
    const validate = this.validatorOf(media.schema);
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  private validatorOf(schema: object): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      // References point into the document's components, held by the schema added as `openapi`.
      const rooted = closed(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'))) as object;
      validate = this.ajv.compile(rooted);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
