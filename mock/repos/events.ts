import { sql } from 'kysely'
import type { EventRecord, RegistrationRecord } from '../db'
import { eventRecord, eventRow, registrationRecord } from '../db/rows'
import type { Tx } from './tx'

/** GET /events's filters, for one viewer (secretaries see their town's published events and those they joined). */
export type EventListQuery = {
  viewer: { id: string; role: 'secretary' | 'organiser'; town: string }
  type?: string
  /** upcoming: not yet ended (endAt ≥ now), soonest first; past and all: latest start first. */
  when: 'upcoming' | 'past' | 'all'
  now: number
  /** Lower-case text to find in the title, description, speaker or venue. */
  needle?: string
  /** Only events the viewer is registered or waitlisted for. */
  mine: boolean
  page: number
  pageSize: number
}

/**
 * One page of GET /events in one query: visibility, filters, order, the page and the total are
 * decided in the database, and the viewer's own registration of each event comes with it, so the
 * cost of a page does not grow with the number of events or registrations.
 */
export async function pageOfEvents(
  tx: Tx,
  q: EventListQuery,
): Promise<{ events: EventRecord[]; mine: Map<string, RegistrationRecord>; total: number }> {
  const filtered = () => {
    let query = tx
      .selectFrom('events as e')
      .leftJoin('registrations as m', (join) => join.onRef('m.event_id', '=', 'e.id').on('m.user_id', '=', q.viewer.id))
    if (q.viewer.role === 'secretary') {
      const joined = sql<boolean>`(m.status is not null and m.status <> 'cancelled')`
      query = query.where(
        sql<boolean>`e.status <> 'draft' and case when e.status = 'cancelled' then ${joined}
          else (e.audience_towns::jsonb = '[]'::jsonb or e.audience_towns::jsonb @> jsonb_build_array(${q.viewer.town}::text) or ${joined}) end`,
      )
    }
    if (q.type) query = query.where('e.type', '=', q.type)
    if (q.when === 'upcoming') query = query.where('e.end_at', '>=', q.now)
    if (q.when === 'past') query = query.where('e.end_at', '<', q.now)
    if (q.needle) {
      const n = q.needle
      query = query.where(
        sql<boolean>`(strpos(lower(e.title), ${n}) > 0 or strpos(lower(e.description), ${n}) > 0
          or strpos(lower(coalesce(e.speaker, '')), ${n}) > 0 or strpos(lower(e.venue->>'name'), ${n}) > 0
          or strpos(lower(e.venue->>'address'), ${n}) > 0)`,
      )
    }
    if (q.mine) query = query.where('m.status', 'in', ['registered', 'waitlisted'])
    return query
  }
  const direction = q.when === 'upcoming' ? 'asc' : 'desc'
  const rows = await filtered()
    .selectAll('e')
    .select([
      'm.user_id as m_user_id',
      'm.status as m_status',
      'm.seq as m_seq',
      'm.attendance as m_attendance',
      'm.checked_in_at as m_checked_in_at',
      'm.contest_items as m_contest_items',
      'm.leave_reason as m_leave_reason',
      'm.created_at as m_created_at',
      'm.audit as m_audit',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('e.start_at', direction)
    .orderBy(sql`e.id collate "C"`)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()
  const mine = new Map<string, RegistrationRecord>()
  for (const r of rows) {
    if (r.m_user_id === null) continue
    mine.set(
      r.id,
      registrationRecord({
        event_id: r.id,
        user_id: r.m_user_id,
        status: r.m_status!,
        seq: r.m_seq!,
        attendance: r.m_attendance!,
        checked_in_at: r.m_checked_in_at,
        contest_items: r.m_contest_items,
        leave_reason: r.m_leave_reason,
        created_at: r.m_created_at!,
        audit: r.m_audit!,
        pos: 0,
      }),
    )
  }
  // A page past the end has no row to carry the total: count it on its own.
  const total = rows.length
    ? Number(rows[0].total)
    : Number((await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return { events: rows.map(eventRecord), mine, total }
}

/** One event by id. */
export async function findEvent(tx: Tx, id: string): Promise<EventRecord | undefined> {
  const row = await tx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
  return row && eventRecord(row)
}

/**
 * One event by id with its row locked (FOR UPDATE) until the transaction ends: every change of
 * seats, the waitlist or the roster takes it first, so such changes of one event never interleave.
 */
export async function lockEvent(tx: Tx, id: string): Promise<EventRecord | undefined> {
  const row = await tx.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  return row && eventRecord(row)
}

/** Events whose start lies in [from, to), or every event when no range is given, in creation order. */
export async function listEvents(tx: Tx, range?: { from: number; to: number }): Promise<EventRecord[]> {
  let query = tx.selectFrom('events').selectAll().orderBy('pos')
  if (range) query = query.where('start_at', '>=', range.from).where('start_at', '<', range.to)
  return (await query.execute()).map(eventRecord)
}

/** Adds an event. */
export async function insertEvent(tx: Tx, event: EventRecord): Promise<void> {
  await tx.insertInto('events').values(eventRow(event)).execute()
}

/** Stores the changed fields of an event loaded from this repository. */
export async function updateEvent(tx: Tx, event: EventRecord): Promise<void> {
  const { id, ...fields } = eventRow(event)
  await tx.updateTable('events').set(fields).where('id', '=', id).execute()
}
