import type { Db } from '../db'

/**
 * What every repository function works in: the request's one transaction. Routes and domain rules
 * pass it along and never look inside; only the modules of mock/repos/ read or write through it.
 */
export type Tx = Db
