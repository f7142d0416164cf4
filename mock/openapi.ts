import { z } from 'zod'
import { apiErrorBodySchema } from '../src/api/contract/common'
import type { Route } from './router'

type JsonSchema = Record<string, unknown>
const schemaOf = (schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema

/** The machine-readable contract: an OpenAPI 3.1 document generated from the route table and the zod schemas. */
export function createOpenApiDocument(routes: Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  const errorResponse = { content: { 'application/json': { schema: schemaOf(apiErrorBodySchema, 'output') } } }
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}')
    const params = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    const query = route.doc.query ? schemaOf(route.doc.query, 'input') : null
    const queryParams = query
      ? Object.entries((query.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
          name,
          in: 'query',
          required: ((query.required as string[] | undefined) ?? []).includes(name),
          schema,
        }))
      : []
    const status = String(route.doc.status ?? 200)
    const operation: Record<string, unknown> = {
      summary: route.doc.summary,
      security: route.access === 'public' ? [] : [{ bearer: [] }],
      'x-roles': route.access,
      parameters: [
        ...params,
        ...queryParams,
        ...(route.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }] : []),
      ],
      responses: {
        [status]: route.doc.response
          ? { description: 'OK', content: { 'application/json': { schema: schemaOf(route.doc.response, 'output') } } }
          : route.doc.produces
            ? { description: 'OK', content: { [route.doc.produces]: { schema: { type: 'string' } } } }
            : { description: 'No content' },
        default: { description: 'Error', ...errorResponse },
      },
    }
    if (route.upload) {
      const file = { type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, checked by content', maxLength: route.upload.limit }
      operation.requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file }, additionalProperties: false } } },
      }
    } else if (route.csv) {
      operation.requestBody = { required: true, content: { 'text/csv': { schema: { type: 'string', description: 'UTF-8, BOM optional, header row first' } } } }
    } else if (route.doc.body) {
      operation.requestBody = { required: false, content: { 'application/json': { schema: schemaOf(route.doc.body, 'input') } } }
    }
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation }
  }
  return {
    openapi: '3.1.0',
    info: { title: '支书通 REST API', version: '1', description: 'Generated from src/api/contract and mock/routes; see API.md.' },
    servers: [{ url: '/api' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  }
}
