import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'

/**
 * What every repository function works in: the request's one transaction (mock/db/engine.ts).
 * Routes and domain rules pass it along and never look inside; only mock/repos/ queries through it.
 */
export type Tx = Transaction<Database>
