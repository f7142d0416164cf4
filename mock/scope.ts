import type { UserRecord } from './db'

// Organiser scope (API.md v1.1): an organiser manages the towns of `scope.towns`; an empty list is
// the whole city (市委组织部). Secretaries have no scope: they see only their own data.

/** True for an organiser of the whole city (the client's rule, shared). */
export { isCityOrganiser } from '../src/api/contract/auth'
import { isCityOrganiser, managesAudience } from '../src/api/contract/auth'

/** True when `viewer` is an organiser whose scope holds `town`. */
export function townInScope(viewer: UserRecord, town: string): boolean {
  if (viewer.role !== 'organiser') return false
  return isCityOrganiser(viewer) || viewer.scope!.towns.includes(town)
}


/**
 * True when an event's audience lies inside the organiser's towns, so they may manage it. An empty
 * audience is everyone in the city: only a city organiser manages it. The client's rule, shared.
 */
export function audienceInScope(viewer: UserRecord, audienceTowns: readonly string[]): boolean {
  return managesAudience(viewer, audienceTowns)
}

/**
 * The towns a list should be limited to for `viewer`: undefined for the whole city (a city organiser),
 * else the organiser's towns. `asked` is a town filter from the query: inside the scope it narrows the
 * list, outside it the list is empty (not an error: lists are filtered, never refused).
 */
export function scopeTowns(viewer: UserRecord, asked?: string): string[] | undefined {
  if (isCityOrganiser(viewer)) return asked === undefined ? undefined : [asked]
  const towns = viewer.scope?.towns ?? []
  if (asked === undefined) return [...towns]
  return towns.includes(asked) ? [asked] : []
}

/** True when a town organiser may see and change this person's data (a secretary of their towns). */
export function personInScope(viewer: UserRecord, person: UserRecord): boolean {
  return townInScope(viewer, person.town)
}
