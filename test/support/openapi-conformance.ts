import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document this check reads. */
interface MediaType {
  schema?: object;
}
interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, MediaType> } | undefined>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** One answer that does not match the document. */
export interface Mismatch {
  operation: string;
  status: number;
  problem: string;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Checks real answers against the OpenAPI document they claim to follow: the operation is found
 * by method and path template, then the body is validated (Ajv, formats included) against the
 * schema the document gives for that status and content type. What a generated client or a
 * validating proxy would trip on, we find first.
 */
export class OpenApiConformance {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { method: string; template: string; pattern: RegExp; op: Operation }[] = [];
  readonly mismatches: Mismatch[] = [];
  /** operationId → statuses seen. */
  readonly seen = new Map<string, Set<number>>();

  constructor(doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(doc, 'openapi');
    for (const [template, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
        this.templates.push({ method: method.toUpperCase(), template, pattern, op });
      }
  }

  /** Records and checks one answer; `path` without the query string. */
  check(method: string, path: string, status: number, contentType: string | undefined, body: unknown): void {
    const found = this.templates.find((t) => t.method === method.toUpperCase() && t.pattern.test(path));
    if (!found) {
      this.mismatches.push({ operation: `${method} ${path}`, status, problem: 'no operation in the document' });
      return;
    }
    const name = found.op.operationId ?? `${found.method} ${found.template}`;
    const statuses = this.seen.get(name) ?? new Set<number>();
    this.seen.set(name, statuses.add(status));
    const response = found.op.responses[String(status)];
    if (!response) {
      this.mismatches.push({ operation: name, status, problem: 'status not documented' });
      return;
    }
    const media = (contentType ?? '').split(';')[0].trim();
    const mediaType = response.content?.[media];
    if (!mediaType?.schema) {
      this.mismatches.push({ operation: name, status, problem: `no schema for ${media || 'an empty body'}` });
      return;
    }
    if (media !== 'application/json' && media !== 'application/problem+json') return; // text: a string
    const ref = `openapi#/${pointer('paths', found.template, found.method.toLowerCase(), 'responses', String(status), 'content', media, 'schema')}`;
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.getSchema(ref);
      if (!validate) throw new Error(`cannot compile ${ref}`);
      this.compiled.set(ref, validate);
    }
    if (!validate(body))
      this.mismatches.push({
        operation: name,
        status,
        problem: this.ajv.errorsText(validate.errors, { dataVar: 'body' }),
      });
  }
}
