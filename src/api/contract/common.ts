import { z } from 'zod/mini'

/** Code-point length, the unit API.md counts string lengths in. */
export function codePointLength(value: string): number {
  return Array.from(value).length
}

// Control characters; line breaks and tabs are allowed in multi-line fields only.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/

// API.md v1.1 text rules: bidi controls (which can make text read backwards) and lone surrogates are
// refused; zero-width characters are removed before trimming and counting, so "​" is empty.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/

/** True when `value` holds half of a surrogate pair alone (no lookbehind: older phones' JS lacks it). */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else return true
    } else if (c >= 0xdc00 && c <= 0xdfff) return true
  }
  return false
}
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g

/** Removes the zero-width characters API.md v1.1 strips before trimming and counting. */
export function stripZeroWidth(value: string): string {
  return value.replace(ZERO_WIDTH, '')
}

/**
 * A trimmed request string of `min`–`max` code points: control characters, bidi controls and lone
 * surrogates refused, zero-width characters removed first (API.md v1.1).
 */
export function text(min: number, max: number, opts: { multiline?: boolean } = {}) {
  const control = opts.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE
  return z.string({ error: '应为文字' }).check(
    z.overwrite(stripZeroWidth),
    z.trim(),
    z.refine((s) => !control.test(s), { error: '含有不允许的控制字符' }),
    z.refine((s) => !BIDI_CONTROLS.test(s), { error: '含有会改变文字方向的控制字符' }),
    z.refine((s) => !hasLoneSurrogate(s), { error: '含有无法显示的字符' }),
    z.refine((s) => codePointLength(s) >= min, {
      error: min <= 1 ? '不能为空' : `至少 ${min} 个字`,
    }),
    z.refine((s) => codePointLength(s) <= max, { error: `最多 ${max} 个字` }),
  )
}

/** The instants API.md v1.1 accepts: from 2000-01-01 to 2100-01-01 (UTC). */
export const INSTANT_MIN = Date.UTC(2000, 0, 1)
export const INSTANT_MAX = Date.UTC(2100, 0, 1)

/** An ISO 8601 date-time with an offset (`Z` or `±hh:mm`), as requests may send, within 2000–2100. */
export const isoDateTime = z.iso.datetime({ offset: true, error: '应为带时区的时间（ISO 8601）' }).check(
  z.refine((s) => {
    const at = Date.parse(s)
    return at >= INSTANT_MIN && at < INSTANT_MAX
  }, { error: '时间应在 2000 年到 2100 年之间' }),
)

/** A plain `YYYY-MM-DD` date. */
export const isoDate = z.iso.date({ error: '应为日期 YYYY-MM-DD' })

/** Mainland mobile number: 11 digits starting with 1. */
export const phoneSchema = z.string({ error: '请输入手机号' }).check(z.trim(), z.regex(/^1\d{10}$/, { error: '手机号应为 11 位数字' }))

/** Positive integer from a query-string value. */
const queryInt = (min: number, max: number, fallback: number) =>
  z.pipe(
    z.optional(
      z.pipe(
        z.pipe(z.string().check(z.regex(/^\d{1,6}$/, { error: '应为正整数' })), z.transform(Number)),
        z.number().check(z.int(), z.gte(min, { error: `不能小于 ${min}` }), z.lte(max, { error: `不能大于 ${max}` })),
      ),
    ),
    z.transform((v: number | undefined) => v ?? fallback),
  )

/** `?page=&pageSize=` of every list endpoint (pageSize ≤ 100). */
export const pageQueryShape = {
  page: queryInt(1, 100000, 1),
  pageSize: queryInt(1, 100, 20),
}

/** A page of items: `{items, total, page, pageSize}`. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().check(z.int(), z.gte(0)),
    page: z.number().check(z.int(), z.gte(1)),
    pageSize: z.number().check(z.int(), z.gte(1), z.lte(100)),
  })
}

/** A page as the client sees it. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number }

/** The error body every non-2xx answer carries. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    /** v1.1: on every 429, the whole seconds until a retry may succeed (also the Retry-After header). */
    retryAfter: z.optional(z.number()),
    /** 400 IMPORT_FAILED: what is wrong, line by line (line 1 = the header). */
    errors: z.optional(z.array(z.object({ line: z.number(), message: z.string() }))),
  }),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>

/** Error codes named by API.md (plus the generic ones every server answers with). */
export const ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'RATE_LIMITED',
  'LOGIN_FAILED',
  'IDEMPOTENCY_KEY_REUSED',
  'SIGNUP_CLOSED',
  'TOO_LATE_TO_CANCEL',
  'NOT_REGISTERED',
  'EVENT_STARTED',
  'EVENT_CANCELLED',
  'CAPACITY_BELOW_REGISTERED',
  'CHECKIN_WINDOW_CLOSED',
  'CHECKIN_CODE_INVALID',
  'TOO_FAR',
  'COMMITMENT_LOCKED',
  'COMMITMENT_NOT_APPROVED',
  'COMMITMENT_NOT_SUBMITTED',
  'QUARTER_NOT_STARTED',
  'AWARD_QUOTA_FULL',
  'INTERNAL',
  'STORAGE_UNAVAILABLE',
  'OUT_OF_SCOPE',
  'TOO_MANY_ATTEMPTS',
  'LOCATION_REQUIRED',
  'SESSION_EXPIRED',
  'UNSUPPORTED_MEDIA_TYPE',
  'UPLOAD_QUOTA',
  'QUESTION_IN_USE',
  'EXAM_CLOSED',
  'NO_ATTEMPTS_LEFT',
  'ATTEMPT_EXPIRED',
  'REQUEST_TIMEOUT',
  'IMPORT_FAILED',
  'RETAKE_NOT_NEEDED',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** The longest Idempotency-Key accepted. */
export const IDEMPOTENCY_KEY_MAX = 255
