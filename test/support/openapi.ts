import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;

interface ResponseObject {
  content?: { 'application/json'?: { schema: Schema } };
  headers?: Record<string, unknown>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components: { schemas: Record<string, Schema> };
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Checks values against the schemas of an OpenAPI or AsyncAPI document, stricter than the document on purpose: an
 * object schema with `properties` admits no other field (a field the server sends but the document leaves out is a
 * lie by omission), and OpenAPI's `nullable` means "or null", as tools read it.
 */
export class SchemaChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<Schema, ValidateFunction>();

  constructor(schemas: Record<string, Schema>) {
    addFormats(this.ajv);
    const closedSchemas = Object.entries(schemas).map(([name, schema]) => [name, closed(schema)]);
    this.ajv.addSchema({ $id: 'document', components: { schemas: Object.fromEntries(closedSchemas) } });
  }

  /** What is wrong with `value` as an instance of `schema` (which may refer to the document's schemas). */
  problems(schema: Schema, value: unknown): string[] {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(closed(schema, (ref) => `document${ref}`) as Schema);
      this.validators.set(schema, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  }
}

/** Checks real answers against the OpenAPI document: the status, the body's schema and the documented headers. */
export class OpenApiConformance {
  private readonly schemas: SchemaChecker;

  constructor(private readonly document: OpenApiDocument) {
    this.schemas = new SchemaChecker(document.components.schemas);
  }

  /** What is wrong with this answer to `method template` (e.g. `get /api/posts/{id}`); empty when nothing. */
  problems(method: string, template: string, answer: Answer): string[] {
    const operation = this.document.paths[template]?.[method];
    if (!operation) return [`${method.toUpperCase()} ${template} is not in the document`];
    const documented = operation.responses[String(answer.status)];
    if (!documented) return [`${answer.status} is not documented (${answer.text.slice(0, 200)})`];
    const problems = Object.keys(documented.headers ?? {})
      .filter((header) => answer.headers[header.toLowerCase()] === undefined)
      .map((header) => `the ${header} header is missing`);
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) return answer.text === '' ? problems : [...problems, `a body was sent: ${answer.text.slice(0, 200)}`];
    return [...problems, ...this.schemas.problems(schema, answer.body)];
  }
}

/** The schema as the strict reading above; `ref` rewrites `$ref`s for schemas compiled outside the document. */
function closed(schema: unknown, ref: (ref: string) => string = (same) => same): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closed(item, ref));
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$ref') result.$ref = ref(value as string);
    else if (key === 'properties') {
      result[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, closed(sub, ref)]));
    } else if (key !== 'nullable' && key !== 'example') result[key] = closed(value, ref);
  }
  if (source.properties && source.additionalProperties === undefined) result.additionalProperties = false;
  return source.nullable === true ? { anyOf: [result, { type: 'null' }] } : result;
}
