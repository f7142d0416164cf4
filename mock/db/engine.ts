import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely'
import { PGliteDialect, nulFreeDialect } from './dialect'
import { MIGRATIONS, migrate } from './migrations'
import type { Database } from './schema'

/** Where the mock keeps its data: an embedded PGlite (memory or folder) or a PostgreSQL server. */
export type StorageOptions = {
  /** postgres://… : use this PostgreSQL database (DATABASE_URL). */
  databaseUrl?: string
  /** Keep PGlite's files in this folder (MOCK_DATA_DIR + /pgdata); in memory when absent. */
  dataDir?: string
  /**
   * On PostgreSQL: work in a new database of its own (created from DATABASE_URL's server, dropped
   * on close), so that test files running side by side never see each other's rows.
   */
  isolate?: boolean
}

/** An open database with the mock's schema applied. */
export type Storage = {
  kind: 'pglite' | 'postgres'
  /** Where the data lives, for the start-up log line. */
  where: string
  db: Kysely<Database>
  /**
   * Runs `work` in one transaction (READ COMMITTED; rules that must be exact take row or advisory
   * locks). A transaction that loses a race (unique violation, serialization failure, deadlock)
   * is run again from the start, up to 8 times.
   */
  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** PostgreSQL error codes that mean "run the transaction again". */
const RETRYABLE = new Set(['23505', '40001', '40P01'])
const MAX_ATTEMPTS = 8

/** True when an error is a race lost to another transaction (worth one more attempt). */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE.has(code)
}

/** Opens (creating and migrating as needed) the storage the options name. */
export async function openStorage(options: StorageOptions = {}): Promise<Storage> {
  const opened = options.databaseUrl ? await openPostgres(options.databaseUrl, options.isolate ?? false) : await openPGlite(options.dataDir)
  await migrate(opened.db)
  const { db } = opened
  return {
    ...opened,
    async transaction(work) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction().execute(work)
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error
        }
      }
    },
  }
}

type Opened = { kind: Storage['kind']; where: string; db: Kysely<Database>; close(): Promise<void> }

// ---- PGlite ---------------------------------------------------------------------------------

/** int8 as a JS number: ids of counters and epoch ms stay far below 2^53. */
const INT8 = 20
const parsers = { [INT8]: (value: string) => Number(value) }

async function openPGlite(dataDir?: string): Promise<Opened> {
  const { PGlite } = await import('@electric-sql/pglite')
  let pg
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true })
    const fresh = readdirSync(dataDir).length === 0
    // A new folder starts from the migrated template (about 1 s) instead of running initdb (about 5 s).
    const template = fresh ? await pgliteTemplate() : undefined
    pg = new PGlite({ dataDir, parsers, ...(template ? { loadDataDir: new Blob([template]) } : {}) })
  } else {
    pg = new PGlite({ parsers, loadDataDir: new Blob([await pgliteTemplate()]) })
  }
  await pg.waitReady
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pg) })
  return { kind: 'pglite', where: dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory', db, close: () => db.destroy() }
}

/**
 * A dump of a PGlite after initdb and every migration, cached under node_modules/.cache by the
 * migrations' fingerprint, so every later start loads it instead of running initdb again.
 */
async function pgliteTemplate(): Promise<Uint8Array<ArrayBuffer>> {
  const { PGlite } = await import('@electric-sql/pglite')
  const version = pgliteVersion()
  const fingerprint = createHash('sha256')
    .update(version)
    .update(MIGRATIONS.map((m) => m.id + m.up.toString()).join('\n'))
    .digest('hex')
    .slice(0, 16)
  const file = join(cacheDir(), `pglite-${fingerprint}.tar.gz`)
  if (existsSync(file)) return new Uint8Array(readFileSync(file))
  const pg = new PGlite({ parsers })
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pg) })
  await migrate(db)
  const blob = await pg.dumpDataDir('gzip')
  const bytes = new Uint8Array(await blob.arrayBuffer())
  await db.destroy()
  mkdirSync(dirname(file), { recursive: true })
  // Written aside and renamed, so a second process never reads half a file.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(tmp, bytes)
  renameSync(tmp, file)
  return bytes
}

function projectRoot(): string {
  let dir = __dirname
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

function cacheDir(): string {
  return join(projectRoot(), 'node_modules', '.cache', 'zhishutong')
}

// The package's exports hide its package.json: read it from the installed folder.
function pgliteVersion(): string {
  const file = join(projectRoot(), 'node_modules', '@electric-sql', 'pglite', 'package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

// ---- PostgreSQL -----------------------------------------------------------------------------

async function openPostgres(url: string, isolate: boolean): Promise<Opened> {
  const pgModule = await import('pg')
  const pg = (pgModule as unknown as { default?: typeof pgModule }).default ?? pgModule
  pg.types.setTypeParser(INT8, (value: string) => Number(value))
  const target = new URL(url)
  let dropDatabase: string | null = null
  if (isolate) {
    const name = `zst_${process.pid}_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    target.pathname = `/${name}`
    dropDatabase = name
  }
  const pool = new pg.Pool({ connectionString: target.toString(), max: 10 })
  // A connection the server ends (a restart, pg_terminate_backend, a test database dropped `with (force)`
  // at close) emits 'error' on its client, and for an idle client on the pool too; an unheard 'error'
  // event crashes the process (seen once in CI at the end of the fuzz suite on PostgreSQL). A query on
  // that connection fails on its own (the request answers 503/500), so here it is only logged.
  const lost = (error: Error) => console.warn(`[mock] PostgreSQL connection lost: ${error.message}`)
  pool.on('error', lost) // an idle client's error is re-emitted on the pool, which must listen too
  pool.on('connect', (client) => client.on('error', lost))
  const db = new Kysely<Database>({ dialect: nulFreeDialect(new PostgresDialect({ pool })) })
  const where = `PostgreSQL ${target.pathname.slice(1) || '(default database)'} at ${target.searchParams.get('host') ?? target.host}`
  return {
    kind: 'postgres',
    where,
    db,
    async close() {
      await db.destroy()
      if (dropDatabase) {
        const admin = new pg.Client({ connectionString: url })
        await admin.connect()
        await admin.query(`drop database if exists ${dropDatabase} with (force)`)
        await admin.end()
      }
    },
  }
}

/** `select 1` through the pool: true when the database answers. */
export async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
