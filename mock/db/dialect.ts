import type { PGlite } from '@electric-sql/pglite'
import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely'

/**
 * PostgreSQL refuses U+0000 in text, so a NUL that came in a URL or body would turn a clean 404
 * into a 500. It is sent as U+FFFD instead, which matches nothing stored.
 */
export function nulFree(parameters: readonly unknown[]): unknown[] {
  return parameters.map((p) => (typeof p === 'string' && p.includes('\u0000') ? p.split('\u0000').join('\uFFFD') : p))
}

/** One PGlite instance seen by Kysely as one connection: whoever holds it waits for nobody else. */
class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // A statement without parameters may hold several (migrations): the simple protocol takes them.
    if (query.parameters.length === 0 && query.sql.includes(';')) {
      const results = await this.pg.exec(query.sql)
      const last = results[results.length - 1]
      return { rows: (last?.rows ?? []) as R[], numAffectedRows: BigInt(last?.affectedRows ?? 0) }
    }
    const result = await this.pg.query<R>(query.sql, nulFree(query.parameters))
    return { rows: result.rows, numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows) }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite')
  }
}

/**
 * Kysely's driver for one PGlite: a single connection handed out under a FIFO mutex, so a
 * transaction owns the whole database until it ends (PGlite has one backend anyway).
 */
class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | null = null

  constructor(private readonly pg: PGlite) {
    this.connection = new PGliteConnection(pg)
  }

  async init(): Promise<void> {
    await this.pg.waitReady
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue
    let release!: () => void
    this.queue = new Promise((resolve) => (release = resolve))
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(): Promise<void> {
    await this.pg.query('begin')
  }

  async commitTransaction(): Promise<void> {
    await this.pg.query('commit')
  }

  async rollbackTransaction(): Promise<void> {
    await this.pg.query('rollback')
  }

  async releaseConnection(): Promise<void> {
    const release = this.release
    this.release = null
    release?.()
  }

  async destroy(): Promise<void> {
    await this.queue
    if (!this.pg.closed) await this.pg.close()
  }
}

/** Kysely on an embedded PGlite. */
export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db)
  }
}

/** Wraps a dialect so that every query's parameters pass through `nulFree` (for `pg`). */
export function nulFreeDialect(inner: Dialect): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver() {
      const driver = inner.createDriver()
      const wrap = (c: DatabaseConnection): DatabaseConnection => ({
        executeQuery: (q) => c.executeQuery({ ...q, parameters: nulFree(q.parameters) }),
        streamQuery: (q, chunk) => c.streamQuery({ ...q, parameters: nulFree(q.parameters) }, chunk),
      })
      const conns = new WeakMap<DatabaseConnection, DatabaseConnection>()
      const unwrap = (c: DatabaseConnection) => conns.get(c) ?? c
      return {
        init: () => driver.init(),
        async acquireConnection() {
          const c = await driver.acquireConnection()
          const w = wrap(c)
          conns.set(w, c)
          return w
        },
        beginTransaction: (c, s) => driver.beginTransaction(unwrap(c), s),
        commitTransaction: (c) => driver.commitTransaction(unwrap(c)),
        rollbackTransaction: (c) => driver.rollbackTransaction(unwrap(c)),
        releaseConnection: (c) => driver.releaseConnection(unwrap(c)),
        destroy: () => driver.destroy(),
      }
    },
  }
}
