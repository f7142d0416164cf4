import { TOWNS } from '../seed'
import type { Tx } from './tx'

/** A town (镇/街道) of Mianzhu with its 片区 and the villages the seed uses. */
export type TownRecord = { town: string; area: string; villages: string[] }

/** Every town, in the city's order. */
export async function listTowns(_tx: Tx): Promise<TownRecord[]> {
  return TOWNS
}

/** The names of the towns that exist. */
export async function knownTownNames(tx: Tx): Promise<Set<string>> {
  return new Set((await listTowns(tx)).map((t) => t.town))
}
