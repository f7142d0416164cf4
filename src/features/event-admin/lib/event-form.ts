import type { z } from 'zod/mini'
import {
  createEventBodySchema,
  eventRuleErrors,
  updateEventBodySchema,
  type Event,
  type EventType,
} from '@/api/contract/event'
import type { CreateEventPayload, UpdateEventPayload } from '@/api/event-admin'
import { chinaDateAfter, chinaIso, chinaParts } from '@/api/contract/time'

/** What the 发布活动 form holds: text as typed, dates and times as the pickers give them. */
export type EventFormValues = {
  type: EventType
  title: string
  description: string
  speaker: string
  venueName: string
  venueAddress: string
  /** Coordinates as typed (H5) or picked (weapp); both empty = none. */
  lat: string
  lng: string
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  deadlineDate: string
  deadlineTime: string
  capacity: string
  /** 学时, in steps of 0.5. */
  credits: number
  /** Audience towns; empty = every town. */
  towns: string[]
  /** Contest items (技能比武 only), one per row as typed. */
  contestItems: string[]
}

/** A form field that can carry an error message. */
export type FormField =
  | 'type'
  | 'title'
  | 'description'
  | 'speaker'
  | 'venueName'
  | 'venueAddress'
  | 'coordinates'
  | 'startAt'
  | 'endAt'
  | 'signupDeadline'
  | 'capacity'
  | 'credits'
  | 'towns'
  | 'contestItems'

/** Field → Chinese message shown under it. */
export type FieldErrors = Partial<Record<FormField, string>>

/** A validated request body, or the reasons it cannot be sent. */
export type Checked<B> = { ok: true; body: B } | { ok: false; errors: FieldErrors }

export type { CreateEventPayload, UpdateEventPayload }

/** A new event's starting values: a 强村讲堂 a week from `now`, 09:00–11:00, sign-up closing the evening before. */
export function emptyFormValues(now: number, scope: readonly string[] = []): EventFormValues {
  const day = chinaDateAfter(now, 7)
  return {
    type: 'lecture',
    title: '',
    description: '',
    speaker: '',
    venueName: '',
    venueAddress: '',
    lat: '',
    lng: '',
    startDate: day,
    startTime: '09:00',
    endDate: day,
    endTime: '11:00',
    deadlineDate: chinaDateAfter(now, 6),
    deadlineTime: '18:00',
    capacity: '',
    credits: 2,
    // A town organiser's events are for their towns (API.md v1.1): start with all of them chosen.
    towns: [...scope],
    contestItems: [],
  }
}

/**
 * The audience rule of organiser scope (API.md v1.1), as the server words it: a town organiser (`scope`
 * not empty) must name only their own towns, and an empty audience (the whole city) is not theirs.
 */
export function audienceScopeError(towns: readonly string[], scope: readonly string[]): string | undefined {
  if (scope.length === 0) return undefined
  if (towns.length > 0 && towns.every((t) => scope.includes(t))) return undefined
  return `只能面向你管理的镇（街道）：${scope.join('、')}`
}

/** The form filled from an existing event, for editing. */
export function formValuesFromEvent(event: Event): EventFormValues {
  const start = chinaParts(event.startAt)
  const end = chinaParts(event.endAt)
  const deadline = chinaParts(event.signupDeadline)
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    speaker: event.speaker ?? '',
    venueName: event.venue.name,
    venueAddress: event.venue.address,
    lat: event.venue.lat === undefined ? '' : String(event.venue.lat),
    lng: event.venue.lng === undefined ? '' : String(event.venue.lng),
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    capacity: String(event.capacity),
    credits: event.credits,
    towns: [...event.audience.towns],
    contestItems: [...(event.contestItems ?? [])],
  }
}

/** Where a field of the API body (`venue.name`, `contestItems.2` …) shows its error on the form. */
export function formFieldOf(path: readonly PropertyKey[] | string): FormField | null {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String)
  const [head, sub] = parts
  switch (head) {
    case 'venue':
      if (sub === 'name') return 'venueName'
      if (sub === 'address') return 'venueAddress'
      return 'coordinates'
    case 'audience':
      return 'towns'
    case 'type':
    case 'title':
    case 'description':
    case 'speaker':
    case 'startAt':
    case 'endAt':
    case 'signupDeadline':
    case 'capacity':
    case 'credits':
    case 'contestItems':
      return head
    default:
      return null
  }
}

/** The server's 400 `fields` moved onto the form's fields; keys it cannot place are left out. */
export function serverFieldErrors(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {}
  for (const [key, message] of Object.entries(fields)) {
    const field = formFieldOf(key)
    if (field && !errors[field]) errors[field] = message
  }
  return errors
}

type Draft = { body: Record<string, unknown>; errors: FieldErrors }

/** The form as an API body, with the fields that are blank or cannot be converted already marked. */
function draftBody(values: EventFormValues): Draft {
  const errors: FieldErrors = {}
  const need = (field: FormField, blank: boolean, message: string) => {
    if (blank && !errors[field]) errors[field] = message
  }
  need('title', !values.title.trim(), '请填写活动名称')
  need('venueName', !values.venueName.trim(), '请填写地点名称')
  need('venueAddress', !values.venueAddress.trim(), '请填写详细地址')
  need('capacity', !values.capacity.trim(), '请填写名额')

  const startAt = chinaIso(values.startDate, values.startTime)
  const endAt = chinaIso(values.endDate, values.endTime)
  const signupDeadline = chinaIso(values.deadlineDate, values.deadlineTime)
  need('startAt', !startAt, '请选择开始日期和时间')
  need('endAt', !endAt, '请选择结束日期和时间')
  need('signupDeadline', !signupDeadline, '请选择报名截止日期和时间')

  const venue: Record<string, unknown> = { name: values.venueName, address: values.venueAddress }
  const lat = values.lat.trim()
  const lng = values.lng.trim()
  if (lat || lng) {
    need('coordinates', !lat || !lng, '请同时填写纬度和经度，或都不填')
    venue.lat = lat ? Number(lat) : undefined
    venue.lng = lng ? Number(lng) : undefined
  }

  const body: Record<string, unknown> = {
    type: values.type,
    title: values.title,
    description: values.description,
    venue,
    startAt: startAt ?? '',
    endAt: endAt ?? '',
    signupDeadline: signupDeadline ?? '',
    capacity: values.capacity.trim() ? Number(values.capacity.trim()) : Number.NaN,
    credits: values.credits,
    audience: { towns: values.towns },
  }
  // The speaker belongs to 强村讲堂; elsewhere it is not asked for, so not sent.
  if (values.type === 'lecture' && values.speaker.trim()) body.speaker = values.speaker
  if (values.type === 'contest') {
    body.contestItems = values.contestItems
    const blank = values.contestItems.findIndex((item) => !item.trim())
    if (blank >= 0) need('contestItems', true, `第 ${blank + 1} 个比赛项目还没填写，请填写或删除`)
  }
  return { body, errors }
}

/** Adds the schema's issues to `errors`, one per field, keeping messages already there. */
function addIssues(errors: FieldErrors, issues: readonly z.core.$ZodIssue[]) {
  for (const issue of issues) {
    const field = formFieldOf(issue.path)
    if (!field || errors[field]) continue
    const index = issue.path[0] === 'contestItems' && typeof issue.path[1] === 'number' ? issue.path[1] : null
    errors[field] = index === null ? issue.message : `第 ${index + 1} 个比赛项目${issue.message}`
  }
}

/** Adds the cross-field rules (start < end, deadline ≤ start, contest items, start in the future). */
function addRules(errors: FieldErrors, body: Record<string, unknown>, now: number, checkFuture: boolean) {
  const { type, startAt, endAt, signupDeadline, contestItems } = body as {
    type: EventType
    startAt: string
    endAt: string
    signupDeadline: string
    contestItems?: string[]
  }
  if (!startAt || !endAt || !signupDeadline) return
  const rules = eventRuleErrors({ type, startAt, endAt, signupDeadline, contestItems }, now, checkFuture)
  for (const [key, message] of Object.entries(rules)) {
    const field = formFieldOf(key)
    if (field && !errors[field]) errors[field] = message
  }
}

/**
 * Checks a new event with the server's own rules (the contract schema and eventRuleErrors) and
 * gives the body of POST /events, or every field's error.
 */
export function checkNewEvent(
  values: EventFormValues,
  status: 'draft' | 'published',
  now: number,
  scope: readonly string[] = [],
): Checked<CreateEventPayload> {
  const { body, errors } = draftBody(values)
  const outside = audienceScopeError(values.towns, scope)
  if (outside && !errors.towns) errors.towns = outside
  const parsed = createEventBodySchema.safeParse({ ...body, status })
  if (!parsed.success) addIssues(errors, parsed.error.issues)
  addRules(errors, body, now, true)
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, body: parsed.data }
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b)
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v)

/** The fields of `body` that differ from `event`; an emptied speaker of a 强村讲堂 is sent as '' (removes it). */
function changedFields(body: Record<string, unknown>, event: Event): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  const venue = body.venue as Record<string, unknown>
  const venueNow = { name: trimmed(venue.name), address: trimmed(venue.address), lat: venue.lat, lng: venue.lng }
  const venueWas = { name: event.venue.name, address: event.venue.address, lat: event.venue.lat, lng: event.venue.lng }
  if (!sameJson(venueNow, venueWas)) patch.venue = venue
  for (const key of ['type', 'title', 'description', 'capacity', 'credits'] as const) {
    if (trimmed(body[key]) !== event[key]) patch[key] = body[key]
  }
  for (const key of ['startAt', 'endAt', 'signupDeadline'] as const) {
    if (!sameInstant(String(body[key]), event[key])) patch[key] = body[key]
  }
  const towns = body.audience as { towns: string[] }
  if (!sameJson([...towns.towns].sort(), [...event.audience.towns].sort())) patch.audience = body.audience
  if (body.contestItems !== undefined && !sameJson((body.contestItems as string[]).map((s) => s.trim()), event.contestItems ?? [])) {
    patch.contestItems = body.contestItems
  }
  const speaker = typeof body.speaker === 'string' ? body.speaker.trim() : ''
  if (body.type === 'lecture' && speaker !== (event.speaker ?? '')) patch.speaker = speaker
  return patch
}

/**
 * Checks an edit of `event` with the server's rules and gives the body of PATCH /events/:id with only
 * the changed fields (`status: "published"` added when a draft is published). `ok` with an empty body
 * means nothing changed.
 */
export function checkEventEdit(
  values: EventFormValues,
  event: Event,
  publish: boolean,
  now: number,
  scope: readonly string[] = [],
): Checked<UpdateEventPayload> {
  const { body, errors } = draftBody(values)
  const patch = changedFields(body, event)
  const outside = 'audience' in patch ? audienceScopeError(values.towns, scope) : undefined
  if (outside && !errors.towns) errors.towns = outside
  if (publish) patch.status = 'published'
  const parsed = updateEventBodySchema.safeParse(patch)
  if (!parsed.success) addIssues(errors, parsed.error.issues)
  // The start must lie in the future only when it moves (API.md, PATCH).
  addRules(errors, body, now, 'startAt' in patch)
  // A required field left blank is an error even though it "changed".
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, body: parsed.data }
}
