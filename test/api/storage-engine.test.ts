import { sql } from 'kysely'
import { openStorage, type Storage } from '../../mock/db/engine'
import { migrate, MIGRATIONS } from '../../mock/db/migrations'
import { honourRow } from '../../mock/db/rows'
import { clearAll, fingerprint, isEmpty, readState, restoreSnapshot, saveSnapshot, tokenHash, writeState } from '../../mock/db/seed-store'
import { createSeed } from '../../mock/seed'
import { PINNED_NOW } from '../support/mock-api'

// The storage engine the mock moves onto (issue 14): embedded PGlite by default, PostgreSQL when
// DATABASE_URL is set (CI runs this file on both). Each run works in a database of its own.

let storage: Storage
beforeAll(async () => {
  storage = await openStorage({ databaseUrl: process.env.DATABASE_URL || undefined, isolate: true })
}, 60_000)
afterAll(() => storage?.close())

const seed = () => createSeed(Date.parse(PINNED_NOW))

describe('the storage engine', () => {
  it('should open on the engine the environment names, with every migration applied once', async () => {
    expect(storage.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite')
    const applied = await sql<{ id: string }>`select id from schema_migrations order by id`.execute(storage.db)
    expect(applied.rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id))
    expect(await migrate(storage.db)).toEqual([])
  })

  it('should read back the seed exactly as written, in creation order', async () => {
    const state = seed()
    state.sessions = { 'token-abc': { userId: 'u-s01', createdAt: 1 } }
    await storage.transaction(async (tx) => {
      await clearAll(tx)
      expect(await isEmpty(tx)).toBe(true)
      await writeState(tx, state)
    })
    const back = await storage.transaction((tx) => readState(tx))
    expect(back.users).toEqual(state.users)
    expect(back.events).toEqual(state.events)
    expect(back.registrations).toEqual(state.registrations)
    expect(back.notifications).toEqual(state.notifications)
    expect(back.commitments).toEqual(state.commitments)
    expect(back.reviewScores).toEqual(state.reviewScores)
    expect(back.uploads).toEqual(state.uploads)
    expect(back.honours).toEqual(state.honours)
    expect(back.counters).toEqual(state.counters)
    // A session is stored under its token's hash only.
    expect(back.sessions).toEqual({ [tokenHash('token-abc')]: { userId: 'u-s01', createdAt: 1 } })
  })

  it('should keep the key order of json values, so a stored answer replays as the same bytes', async () => {
    const venue = { name: '党校', address: '棋盘街 8 号', lat: 31.3, lng: 104.2 }
    const event = { ...seed().events[0], id: 'evt-order', venue }
    await storage.transaction(async (tx) => {
      await tx.deleteFrom('events').where('id', '=', 'evt-order').execute()
      await tx
        .insertInto('events')
        .values({ ...(await import('../../mock/db/rows')).eventRow(event) })
        .execute()
    })
    const row = await storage.db.selectFrom('events').select('venue').where('id', '=', 'evt-order').executeTakeFirstOrThrow()
    expect(JSON.stringify(row.venue)).toBe(JSON.stringify(venue))
  })

  it('should roll back everything a failed transaction wrote', async () => {
    const before = await storage.transaction((tx) => readState(tx))
    await expect(
      storage.transaction(async (tx) => {
        await tx.updateTable('events').set({ capacity: 1 }).execute()
        throw new Error('rule refused')
      }),
    ).rejects.toThrow('rule refused')
    expect((await storage.transaction((tx) => readState(tx))).events).toEqual(before.events)
  })

  it('should refuse the commit of a transaction that armed the commit guard, keeping none of it', async () => {
    const before = (await storage.transaction((tx) => readState(tx))).notifications.length
    let ran = false
    await expect(
      storage.transaction(async (tx) => {
        await tx
          .insertInto('notifications')
          .values({ id: 'ntf-guard', user_id: 'u-s01', kind: 'test', title: 't', body: 'b', link: null, read: false, created_at: 1 })
          .execute()
        await tx.insertInto('commit_guard').values({ armed: 1 }).execute()
        ran = true
      }),
    ).rejects.toThrow(/commit refused/)
    expect(ran).toBe(true)
    expect((await storage.transaction((tx) => readState(tx))).notifications).toHaveLength(before)
  })

  it('should run a transaction again when it lost a race, and give up on other errors at once', async () => {
    let attempts = 0
    const result = await storage.transaction(async (tx) => {
      attempts += 1
      if (attempts < 3) {
        // Two inserts of one key: 23505, as when two first sign-ups meet.
        await tx.insertInto('sms_sent').values({ phone: `race-${attempts}`, at: 1 }).execute()
        await tx.insertInto('sms_sent').values({ phone: `race-${attempts}`, at: 2 }).execute()
      }
      return 'done'
    })
    expect(result).toBe('done')
    expect(attempts).toBe(3)

    let once = 0
    await expect(
      storage.transaction(async () => {
        once += 1
        throw new Error('not a race')
      }),
    ).rejects.toThrow('not a race')
    expect(once).toBe(1)
  })

  it('should send a NUL in a parameter as U+FFFD instead of failing the query', async () => {
    const found = await storage.db.selectFrom('users').select('id').where('id', '=', 'u-s01\u0000').execute()
    expect(found).toEqual([])
  })

  it('should leave an empty id sequence gap, never a reused id, after a rollback', async () => {
    const draw = () => sql<{ v: number }>`select nextval('mock_ids')::int8 as v`
    const first = await storage.transaction(async (tx) => (await draw().execute(tx)).rows[0].v)
    await expect(
      storage.transaction(async (tx) => {
        await draw().execute(tx)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow()
    const third = await storage.transaction(async (tx) => (await draw().execute(tx)).rows[0].v)
    expect(Number(third)).toBe(Number(first) + 2)
  })

  it('should put back exactly what a snapshot kept, and new rows still come after it', async () => {
    await storage.transaction(async (tx) => {
      await clearAll(tx)
      await writeState(tx, seed())
      await saveSnapshot(tx, 'engine_test')
    })
    const kept = await storage.transaction((tx) => fingerprint(tx))
    const keptState = await storage.transaction((tx) => readState(tx))
    await storage.transaction(async (tx) => {
      await tx.updateTable('users').set({ name: '改过的名字' }).where('id', '=', 'u-s01').execute()
      await tx.deleteFrom('notifications').execute()
      await sql`select nextval('mock_ids')`.execute(tx)
    })
    expect(await storage.transaction((tx) => fingerprint(tx))).not.toBe(kept)
    await storage.transaction((tx) => restoreSnapshot(tx, 'engine_test'))
    expect(await storage.transaction((tx) => fingerprint(tx))).toBe(kept)
    expect(await storage.transaction((tx) => readState(tx))).toEqual(keptState)
    // A row added after the restore is listed after every restored one.
    const lastPos = await storage.db.selectFrom('honours').select((eb) => eb.fn.max('pos').as('pos')).executeTakeFirstOrThrow()
    const added = { ...seed().honours[0], id: 'hon-after-restore' }
    await storage.transaction((tx) => tx.insertInto('honours').values(honourRow(added)).execute())
    const row = await storage.db.selectFrom('honours').select('pos').where('id', '=', 'hon-after-restore').executeTakeFirstOrThrow()
    expect(Number(row.pos)).toBeGreaterThan(Number(lastPos.pos))
  })

  it('should refuse a snapshot name that is not a plain identifier', async () => {
    await expect(storage.transaction((tx) => saveSnapshot(tx, 'x; drop table users'))).rejects.toThrow(/bad snapshot name/)
    expect(await isEmpty(storage.db)).toBe(false)
  })
})
