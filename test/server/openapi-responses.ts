import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Real responses held against the OpenAPI document: the harness hands every answer of the app
 * under test to a ResponseCheck, which finds its operation by method and path, and fails on a
 * status the operation does not document or a JSON body its schema does not accept (OpenAPI
 * 3.1 schemas are JSON Schema 2020-12). Paths the document does not describe (static files, an
 * unknown route's 404) are not its business.
 */

const BASE = '/api/v1';

type Responses = Record<string, { content?: Record<string, unknown> }>;

interface Document {
  paths: Record<string, Record<string, { responses: Responses }>>;
}

interface Operation {
  /** `GET /agents/{id}`, as the document names it. */
  route: string;
  pattern: RegExp;
  responses: Responses;
}

/** One compiled document, shared by every harness of a process that serves the same one. */
class DocumentCheck {
  readonly operations: Operation[];
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(doc: Document) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(doc, 'openapi.json');
    // Paths with fewer parameters first: /queues/trend is found before a /queues/{id} would be.
    const paths = Object.entries(doc.paths).sort(([a], [b]) => a.split('{').length - b.split('{').length);
    this.operations = paths.flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        route: `${method.toUpperCase()} ${path}`,
        pattern: new RegExp(`^${BASE}${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        responses: op.responses,
      })),
    );
  }

  operation(method: string, path: string): Operation | undefined {
    return this.operations.find((op) => op.route.startsWith(`${method} `) && op.pattern.test(path));
  }

  /** What is wrong with an answer of the operation, or null. */
  problem(op: Operation, status: number, contentType: string | null, body: unknown): string | null {
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => op.responses[k]);
    if (!key) return `${op.route} answered ${status}, which it does not document (documented: ${Object.keys(op.responses).join(', ')})`;
    if (!contentType?.includes('json')) return null;
    if (!op.responses[key]!.content?.['application/json']) return `${op.route} ${status} sent JSON, which it documents no schema for`;
    const [method, path] = op.route.split(' ') as [string, string];
    const mismatch = this.mismatch(['paths', path, method.toLowerCase(), 'responses', key, 'content', 'application/json', 'schema'], body);
    return mismatch && `${op.route} ${status}: the body does not match the document: ${mismatch}`;
  }

  /** What is wrong with a value of one of the document's components, or null. */
  componentProblem(name: string, value: unknown): string | null {
    const mismatch = this.mismatch(['components', 'schemas', name], value);
    return mismatch && `a ${name} that does not match the document: ${mismatch}`;
  }

  private mismatch(pointer: string[], value: unknown): string | null {
    const validate = this.validator(pointer.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/'));
    if (validate(value)) return null;
    return validate.errors!.slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message}`).join('; ');
  }

  private validator(pointer: string): ValidateFunction {
    const ref = `openapi.json#/${pointer}`;
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.getSchema(ref)!;
      this.validators.set(ref, validate);
    }
    return validate;
  }
}

const compiled = new Map<string, DocumentCheck>();

export function documentCheck(docText: string): DocumentCheck {
  let check = compiled.get(docText);
  if (!check) {
    check = new DocumentCheck(JSON.parse(docText) as Document);
    compiled.set(docText, check);
  }
  return check;
}

/** The answers of one app, checked as they are seen; `settle()` fails naming each route that broke the document. */
export class ResponseCheck {
  /** `METHOD /path status` of each documented operation answered. */
  readonly exercised = new Set<string>();
  private readonly pending: Promise<string | null>[] = [];
  private doc: Promise<DocumentCheck> | null = null;

  constructor(private readonly readDocument: () => Promise<string>) {}

  see(method: string, url: string, res: Response): void {
    const path = new URL(url).pathname;
    if (!path.startsWith(`${BASE}/`)) return;
    const contentType = res.headers.get('content-type');
    const body = contentType?.includes('json') ? res.clone().json() : Promise.resolve(undefined);
    this.pending.push(
      (async () => {
        this.doc ??= this.readDocument().then(documentCheck);
        const doc = await this.doc;
        const op = doc.operation(method, path);
        if (!op) return null;
        this.exercised.add(`${op.route} ${res.status}`);
        return doc.problem(op, res.status, contentType, await body.catch(() => '(not JSON)'));
      })(),
    );
  }

  async settle(): Promise<void> {
    const problems = [...new Set((await Promise.all(this.pending)).filter((p) => p !== null))];
    if (problems.length > 0) throw new Error(`Responses that break the OpenAPI document:\n${problems.join('\n')}`);
  }
}
