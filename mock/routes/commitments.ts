import { z } from 'zod'
import {
  commitmentListQuerySchema,
  commitmentPageSchema,
  commitmentSchema,
  commitmentSubmitErrors,
  completionOf,
  latestPercentOf,
  progressBodySchema,
  reviewBodySchema,
  saveCommitmentBodySchema,
  type Commitment,
  type CommitmentItem,
} from '../../src/api/contract/commitment'
import { toChinaIso, chinaYear, quarterStarted } from '../../src/api/contract/time'
import type { CommitmentItemRecord, CommitmentRecord, UserRecord } from '../db'
import { notify, userView } from '../domain'
import { HttpError, parseOrThrow, validationFailed } from '../http'
import { paginate } from '../paging'
import { quarterParamSchema, yearParamSchema } from '../params'
import { commitmentOf, findCommitment, insertCommitment, listCommitments, lockCommitment, updateCommitment } from '../repos/commitments'
import { nextId } from '../repos/ids'
import type { Tx } from '../repos/tx'
import { findUser, usersById } from '../repos/users'
import type { Route } from '../router'
import { personInScope, scopeTowns } from '../scope'
import { appendAudit } from '../audit'
import { isOwnUpload, publicOrigin, uploadNameOf } from '../uploads-rules'

/** The app page a secretary's commitment notifications open. */
export const COMMITMENTS_LINK = '/pages/commitments/index'

const item = (record: CommitmentItemRecord, origin: string): CommitmentItem => ({
  id: record.id,
  ...(record.category ? { category: record.category } : {}),
  ...(record.title !== undefined ? { title: record.title } : {}),
  ...(record.target !== undefined ? { target: record.target } : {}),
  ...(record.metric ? { metric: { ...record.metric } } : {}),
  ...(record.dueQuarter ? { dueQuarter: record.dueQuarter } : {}),
  progress: [...record.progress]
    .sort((a, b) => a.quarter - b.quarter)
    .map((p) => ({
      quarter: p.quarter,
      percent: p.percent,
      ...(p.value !== undefined ? { value: p.value } : {}),
      note: p.note,
      // Stored by name; the URL is built for the host the caller reached us by.
      photos: p.photos.map((name) => `${origin}/uploads/${name}`),
      reportedAt: toChinaIso(p.reportedAt),
    })),
  latestPercent: latestPercentOf(record.progress),
})

/** `Commitment` as API.md defines it, with latestPercent and completion computed. */
export async function commitmentView(tx: Tx, record: CommitmentRecord, viewer: UserRecord, origin: string): Promise<Commitment> {
  return commitmentViewWith(record, (await findUser(tx, record.ownerId))!, viewer, origin)
}

/** `Commitment` with the sheet's owner at hand (for lists, whose owners are read at once). */
export function commitmentViewWith(record: CommitmentRecord, owner: UserRecord, viewer: UserRecord, origin: string): Commitment {
  const items = record.items.map((i) => item(i, origin))
  return {
    id: record.id,
    year: record.year,
    owner: userView(owner, viewer),
    status: record.status,
    items,
    completion: completionOf(items),
    ...(record.reviewComment ? { reviewComment: record.reviewComment } : {}),
    ...(record.submittedAt !== undefined ? { submittedAt: toChinaIso(record.submittedAt) } : {}),
    ...(record.reviewedAt !== undefined ? { reviewedAt: toChinaIso(record.reviewedAt) } : {}),
    updatedAt: toChinaIso(record.updatedAt),
  }
}

/** The caller's sheet of a year, else 404; `lock` takes the sheet's lock first (every change of a sheet does). */
async function mySheetOr404(tx: Tx, ownerId: string, year: number, options: { lock?: boolean } = {}): Promise<CommitmentRecord> {
  const sheet = options.lock ? await lockCommitment(tx, ownerId, year) : await commitmentOf(tx, ownerId, year)
  if (!sheet) throw new HttpError(404, 'NOT_FOUND', `您还没有填写 ${year} 年的履职承诺`)
  return sheet
}

const locked = (sheet: CommitmentRecord) =>
  new HttpError(
    409,
    'COMMITMENT_LOCKED',
    sheet.status === 'approved' ? '履职承诺已通过审核，不能再修改' : '履职承诺已提交，正在等待审核，暂时不能修改',
  )

/**
 * A sheet by id as `viewer` (an organiser) may see it, else 404: a town organiser sees only sheets of
 * their towns' secretaries. `lock` locks it (by its owner and year) for a change.
 */
async function sheetOr404(tx: Tx, id: string, viewer: UserRecord, options: { lock?: boolean } = {}): Promise<CommitmentRecord> {
  const found = await findCommitment(tx, id)
  const owner = found && (await findUser(tx, found.ownerId))
  const visible = found && owner && personInScope(viewer, owner) ? found : undefined
  const sheet = visible && options.lock ? await lockCommitment(tx, visible.ownerId, visible.year) : visible
  if (!sheet) throw new HttpError(404, 'NOT_FOUND', '没有找到这份履职承诺')
  return sheet
}

const submitBodySchema = z.strictObject({}).optional()

/** 履职承诺: a secretary's sheet (draft → submitted → approved | returned → submitted …), progress and review. */
export const commitmentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me/commitments/:year',
    access: ['secretary'],
    doc: { summary: 'My commitment sheet of a year (404 when none)', response: commitmentSchema },
    async handle({ tx, req, params, user }) {
      const { year } = parseOrThrow(yearParamSchema, { year: params.year })
      return { status: 200, body: await commitmentView(tx, await mySheetOr404(tx, user.id, year), user, publicOrigin(req)) }
    },
  },
  {
    method: 'PUT',
    path: '/me/commitments/:year',
    access: ['secretary'],
    idempotent: true,
    doc: {
      summary: 'Save my draft (≤ 10 items; 201 when created; a returned sheet stays returned; items sent with an id keep it, an unknown id counts as a new item)',
      body: saveCommitmentBodySchema,
      response: commitmentSchema,
    },
    async handle({ tx, clock, req, params, body, user }) {
      const now = clock.now()
      const { year } = parseOrThrow(yearParamSchema, { year: params.year })
      const current = chinaYear(now)
      if (year < current || year > current + 1) throw validationFailed({ year: '只能填写今年或明年的履职承诺' })
      const { items } = parseOrThrow(saveCommitmentBodySchema, body)
      const seen = new Map<string, number>()
      const duplicates: Record<string, string> = {}
      items.forEach((it, i) => {
        if (it.id === undefined) return
        if (seen.has(it.id)) duplicates[`items.${i}.id`] = '同一事项出现了两次'
        seen.set(it.id, i)
      })
      if (Object.keys(duplicates).length) throw validationFailed(duplicates)
      // Locked: two first saves of a year never create two sheets.
      const sheet = await lockCommitment(tx, user.id, year)
      if (sheet && (sheet.status === 'submitted' || sheet.status === 'approved')) throw locked(sheet)
      const kept = new Map((sheet?.items ?? []).map((it) => [it.id, it]))
      const next: CommitmentItemRecord[] = []
      for (const it of items) {
        const old = it.id !== undefined ? kept.get(it.id) : undefined
        next.push({
          id: old?.id ?? (await nextId(tx, 'itm-')),
          ...(it.category ? { category: it.category } : {}),
          ...(it.title !== undefined ? { title: it.title } : {}),
          ...(it.target !== undefined ? { target: it.target } : {}),
          ...(it.metric ? { metric: { ...it.metric } } : {}),
          ...(it.dueQuarter ? { dueQuarter: it.dueQuarter } : {}),
          progress: old?.progress ?? [],
        })
      }
      if (sheet) {
        sheet.items = next
        sheet.updatedAt = now
        await updateCommitment(tx, sheet)
        return { status: 200, body: await commitmentView(tx, sheet, user, publicOrigin(req)) }
      }
      const created: CommitmentRecord = {
        id: await nextId(tx, 'cmt-'),
        year,
        ownerId: user.id,
        status: 'draft',
        items: next,
        createdAt: now,
        updatedAt: now,
      }
      await insertCommitment(tx, created)
      return { status: 201, body: await commitmentView(tx, created, user, publicOrigin(req)) }
    },
  },
  {
    method: 'POST',
    path: '/me/commitments/:year/submit',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Submit my sheet for review (3–10 complete items, else 400 with fields)', response: commitmentSchema },
    async handle({ tx, clock, req, params, body, user }) {
      const { year } = parseOrThrow(yearParamSchema, { year: params.year })
      parseOrThrow(submitBodySchema, body)
      const sheet = await mySheetOr404(tx, user.id, year, { lock: true })
      if (sheet.status === 'submitted' || sheet.status === 'approved') throw locked(sheet)
      const missing = commitmentSubmitErrors(sheet.items)
      if (Object.keys(missing).length) {
        throw new HttpError(400, 'VALIDATION_FAILED', '履职承诺还没填完整，请按提示补充后再提交', missing)
      }
      const now = clock.now()
      sheet.status = 'submitted'
      sheet.submittedAt = now
      sheet.updatedAt = now
      await updateCommitment(tx, sheet)
      return { status: 200, body: await commitmentView(tx, sheet, user, publicOrigin(req)) }
    },
  },
  {
    method: 'PUT',
    path: '/me/commitments/:year/items/:itemId/progress/:quarter',
    access: ['secretary'],
    idempotent: true,
    doc: {
      summary: 'Report (or replace) the progress of an item for a quarter: approved sheets only, not a future quarter; photos must be uploads of this server',
      body: progressBodySchema,
      response: commitmentSchema,
    },
    async handle({ tx, clock, req, params, body, user }) {
      const now = clock.now()
      const { year } = parseOrThrow(yearParamSchema, { year: params.year })
      const { quarter } = parseOrThrow(quarterParamSchema, { quarter: params.quarter })
      const report = parseOrThrow(progressBodySchema, body)
      const unknownPhotos: Record<string, string> = {}
      for (const [i, url] of report.photos.entries()) {
        // Someone else's upload reads as unknown: the answer does not tell that it exists.
        if (!(await isOwnUpload(tx, url, user.id))) unknownPhotos[`photos.${i}`] = '找不到这张照片，请重新上传'
      }
      if (Object.keys(unknownPhotos).length) throw validationFailed(unknownPhotos)
      const sheet = await mySheetOr404(tx, user.id, year, { lock: true })
      const target = sheet.items.find((it) => it.id === params.itemId)
      if (!target) throw new HttpError(404, 'NOT_FOUND', '没有找到这项承诺，请刷新后重试')
      if (report.value !== undefined && !target.metric) throw validationFailed({ value: '这一项没有设定指标，请只填写完成度' })
      if (sheet.status !== 'approved') throw new HttpError(409, 'COMMITMENT_NOT_APPROVED', '履职承诺通过审核后才能填报进展')
      if (!quarterStarted(year, quarter, now)) {
        throw new HttpError(409, 'QUARTER_NOT_STARTED', `${year} 年第 ${quarter} 季度还没有开始，不能提前填报`)
      }
      const entry = {
        quarter,
        percent: report.percent,
        ...(report.value !== undefined ? { value: report.value } : {}),
        note: report.note,
        photos: report.photos.map((url) => uploadNameOf(url)!),
        reportedAt: now,
      }
      // The same quarter again replaces the earlier report.
      target.progress = [...target.progress.filter((p) => p.quarter !== quarter), entry].sort((a, b) => a.quarter - b.quarter)
      sheet.updatedAt = now
      await updateCommitment(tx, sheet)
      return { status: 200, body: await commitmentView(tx, sheet, user, publicOrigin(req)) }
    },
  },
  {
    method: 'GET',
    path: '/commitments',
    access: ['organiser'],
    doc: {
      summary: 'Sheets of a year (default: this year, China time), drafts included, by status and town; most recently changed first',
      query: commitmentListQuerySchema,
      response: commitmentPageSchema,
    },
    async handle({ tx, clock, req, query, user }) {
      const { year = chinaYear(clock.now()), status, town, page, pageSize } = parseOrThrow(commitmentListQuerySchema, query)
      const found = await listCommitments(tx, { year, status, towns: scopeTowns(user, town) })
      found.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      const origin = publicOrigin(req)
      const one = paginate(found, page, pageSize, (c) => c)
      const owners = await usersById(tx, one.items.map((c) => c.ownerId))
      return { status: 200, body: { ...one, items: one.items.map((c) => commitmentViewWith(c, owners.get(c.ownerId)!, user, origin)) } }
    },
  },
  {
    method: 'GET',
    path: '/commitments/:id',
    access: ['organiser'],
    doc: { summary: 'Extension: one sheet with its items and progress', response: commitmentSchema },
    async handle({ tx, req, params, user }) {
      const sheet = await sheetOr404(tx, params.id, user)
      return { status: 200, body: await commitmentView(tx, sheet, user, publicOrigin(req)) }
    },
  },
  {
    method: 'POST',
    path: '/commitments/:id/review',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Approve a submitted sheet, or return it with a comment; the owner is notified', body: reviewBodySchema, response: commitmentSchema },
    async handle({ tx, clock, req, params, body, user }) {
      const { decision, comment } = parseOrThrow(reviewBodySchema, body)
      // Locked: two organisers reviewing at once decide one after the other.
      const sheet = await sheetOr404(tx, params.id, user, { lock: true })
      if (sheet.status !== 'submitted') {
        throw new HttpError(409, 'COMMITMENT_NOT_SUBMITTED', '这份履职承诺不在待审核状态，可能已被审核或被退回，请刷新')
      }
      const now = clock.now()
      sheet.status = decision === 'approve' ? 'approved' : 'returned'
      if (comment) sheet.reviewComment = comment
      else delete sheet.reviewComment
      sheet.reviewedBy = user.id
      sheet.reviewedAt = now
      sheet.updatedAt = now
      await updateCommitment(tx, sheet)
      await appendAudit(tx, {
        by: user.id,
        at: now,
        action: 'review',
        entity: 'commitments',
        entityId: sheet.id,
        before: { status: 'submitted' },
        after: { status: sheet.status, ...(comment ? { reviewComment: comment } : {}) },
      })
      await notify(
        tx,
        sheet.ownerId,
        decision === 'approve'
          ? {
              kind: 'commitment_approved',
              title: '履职承诺已通过',
              body: `您 ${sheet.year} 年的履职承诺已通过审核${comment ? `，意见：${comment}` : ''}。请每季度填报进展。`,
              link: COMMITMENTS_LINK,
            }
          : {
              kind: 'commitment_returned',
              title: '履职承诺被退回',
              body: `您 ${sheet.year} 年的履职承诺被退回，意见：${comment}。请按意见修改后重新提交。`,
              link: COMMITMENTS_LINK,
            },
        now,
      )
      return { status: 200, body: await commitmentView(tx, sheet, user, publicOrigin(req)) }
    },
  },
]
