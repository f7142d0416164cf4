import { HONOUR_TYPE_LABELS, type Honour } from '../src/api/contract/honour'
import { toChinaIso } from '../src/api/contract/time'
import type { HonourRecord, UserRecord } from './db'
import { userView } from './domain'
import type { Tx } from './repos/tx'
import { usersById } from './repos/users'

/** `Honour` as `viewer` sees it, given the recipient (the phone masked for other secretaries). */
export function honourViewWith(honour: HonourRecord, recipient: UserRecord, viewer: UserRecord): Honour {
  return {
    id: honour.id,
    year: honour.year,
    type: honour.type,
    title: honour.title,
    recipient: userView(recipient, viewer),
    citation: honour.citation,
    ...(honour.amount !== undefined ? { amount: honour.amount } : {}),
    awardedAt: toChinaIso(honour.awardedAt),
  }
}

/** `Honour` views of many honours, their recipients read at once. */
export async function honourViews(tx: Tx, honours: HonourRecord[], viewer: UserRecord): Promise<Honour[]> {
  const people = await usersById(
    tx,
    honours.map((h) => h.recipientId),
  )
  return honours.map((h) => honourViewWith(h, people.get(h.recipientId)!, viewer))
}

const TYPE_ORDER = Object.keys(HONOUR_TYPE_LABELS)

/**
 * Honours newest first by awardedAt; those of one ceremony (the same instant) by type as the 荣誉墙
 * groups them (岗位创新奖, 优秀书记, 技能比武, 荣退), then in the order they were given (the order
 * `honours` comes in: the repository lists them so, and the sort is stable).
 */
export function newestFirst(honours: HonourRecord[]): HonourRecord[] {
  return [...honours].sort((a, b) => b.awardedAt - a.awardedAt || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type))
}
