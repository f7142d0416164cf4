import type { Tx } from './tx'

/** A town (镇/街道) of Mianzhu with its 片区 and the villages the seed uses. */
export type TownRecord = { town: string; area: string; villages: string[] }

/** Every town, in the city's order. */
export async function listTowns(tx: Tx): Promise<TownRecord[]> {
  const rows = await tx.selectFrom('towns').selectAll().orderBy('pos').execute()
  return rows.map((r) => ({ town: r.town, area: r.area, villages: r.villages }))
}

/** The names of the towns that exist. */
export async function knownTownNames(tx: Tx): Promise<Set<string>> {
  const rows = await tx.selectFrom('towns').select('town').execute()
  return new Set(rows.map((r) => r.town))
}
