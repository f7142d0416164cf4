import type { ErrorCode } from './contract/common'
import { awardQuotaFullMessage } from './contract/honour-quota'

/** How a request failed: no connection, too slow, an HTTP error answer, or an answer we could not read. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'parse'

// What each contract code means to the user, and what to do about it.
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNAUTHORIZED: '登录已过期，请重新登录。',
  SESSION_EXPIRED: '太久没有使用，登录已失效，请重新登录。',
  FORBIDDEN: '您的账号没有这项操作的权限，如有需要请联系组织部门。',
  NOT_FOUND: '没有找到相关内容，它可能已被删除或不对您开放。请返回列表刷新。',
  VALIDATION_FAILED: '填写的内容有误，请按提示修改后再提交。',
  PAYLOAD_TOO_LARGE: '内容太大，无法提交。请减少内容或压缩图片后重试。',
  UNSUPPORTED_FILE: '只支持 JPG、PNG、WebP 格式的图片，请换一张。',
  RATE_LIMITED: '操作太频繁，请稍等一分钟再试。',
  LOGIN_FAILED: '手机号或验证码不正确，请检查后重新输入。',
  IDEMPOTENCY_KEY_REUSED: '这次操作与之前的请求冲突，请刷新页面后重试。',
  SIGNUP_CLOSED: '报名已截止或活动已取消，不能再报名。',
  TOO_LATE_TO_CANCEL: '活动已经开始，不能取消报名。如不能参加，请联系组织者。',
  NOT_REGISTERED: '您还没有报名这个活动。',
  EVENT_STARTED: '活动已经开始，不能再修改时间、名额或取消活动。',
  EVENT_CANCELLED: '活动已取消，不能再进行这项操作。请返回刷新查看。',
  CAPACITY_BELOW_REGISTERED: '名额不能少于已报名人数。',
  CHECKIN_WINDOW_CLOSED: '现在不在签到时间内：活动开始前 30 分钟至结束前可以签到。',
  CHECKIN_CODE_INVALID: '签到码不正确或已过期，请向组织者核对最新的签到码。',
  TOO_FAR: '您离活动地点超过 1 公里，请到现场后再签到。',
  COMMITMENT_LOCKED: '承诺已提交或已通过，不能再修改。',
  COMMITMENT_NOT_APPROVED: '承诺通过审核后才能填报进展。',
  COMMITMENT_NOT_SUBMITTED: '这份承诺还没有提交，不能审核。',
  QUARTER_NOT_STARTED: '这个季度还没开始，暂不能填报。',
  AWARD_QUOTA_FULL: awardQuotaFullMessage(),
  INTERNAL: '服务器出错了，请稍后重试。',
  OUT_OF_SCOPE: '这项操作不在你的管理范围内，只能管理本镇（街道）的活动和书记。',
  // Never says whether the phone exists: the same words for every phone.
  TOO_MANY_ATTEMPTS: '错误次数太多，为了安全暂时不能再试。',
  LOCATION_REQUIRED: '请在活动现场开启定位后签到，或请现场组织者在名单上为你签到。',
  ATTEMPT_EXPIRED: '答题时间已到或已经交卷，不能再改答案；成绩按最后保存的答案计算。',
  IMPORT_FAILED: '文件里有几行不对，没有导入任何题目。请按下面的提示改正后重新导入。',
  RETAKE_NOT_NEEDED: '这场考试不限次数，不需要安排补考。',
}

/** The wait of a 429 in words: 请 X 秒后再试 under a minute, else 请 X 分钟后再试 (rounded up). */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds))
  return s < 60 ? `请 ${s} 秒后再试。` : `请 ${Math.ceil(s / 60)} 分钟后再试。`
}

const LIMITS: Partial<Record<ErrorCode, string>> = {
  RATE_LIMITED: '操作太频繁，',
  TOO_MANY_ATTEMPTS: '错误次数太多，为了安全暂时锁定，',
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后点“重试”。已填写的内容不会丢失。'
const TIMEOUT_MESSAGE = '网络太慢，请求超时了。请到信号好的地方后点“重试”。'
const PARSE_MESSAGE = '服务器返回的内容无法识别，请稍后重试；如果一直出现，请联系管理员。'

/** The one error type every API call rejects with; `message` is Chinese and says what to do. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number
  readonly code: string
  /** Field-by-field messages of a 400 answer. */
  readonly fields: Record<string, string>
  /** Of a 429: whole seconds until a retry may succeed (API.md v1.1). */
  readonly retryAfter?: number
  /** Of 400 IMPORT_FAILED: what is wrong, line by line of the file. */
  readonly lineErrors: { line: number; message: string }[]

  constructor(init: {
    kind: ApiErrorKind
    status?: number
    code?: string
    message?: string
    fields?: Record<string, string>
    retryAfter?: number
    lineErrors?: { line: number; message: string }[]
  }) {
    super(init.message ?? defaultMessage(init.kind, init.code))
    this.name = 'ApiError'
    this.kind = init.kind
    this.status = init.status ?? 0
    this.code = init.code ?? init.kind.toUpperCase()
    this.fields = init.fields ?? {}
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter
    this.lineErrors = init.lineErrors ?? []
  }

  /** True when the request may never have reached the server, so the same action may be retried. */
  get retriable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.status >= 500
  }
}

function defaultMessage(kind: ApiErrorKind, code?: string): string {
  if (kind === 'network') return NETWORK_MESSAGE
  if (kind === 'timeout') return TIMEOUT_MESSAGE
  if (kind === 'parse') return PARSE_MESSAGE
  return messageForCode(code)
}

/**
 * The user-facing message of an API error code (the server's own message is the fallback); a limit
 * with `retryAfter` says how long to wait.
 */
export function messageForCode(code: string | undefined, serverMessage?: string, retryAfter?: number): string {
  const limit = code ? LIMITS[code as ErrorCode] : undefined
  if (limit && retryAfter !== undefined && Number.isFinite(retryAfter)) return limit + waitText(retryAfter)
  return (code && MESSAGES[code as ErrorCode]) || serverMessage || '操作没有成功，请稍后重试。'
}

/** Any thrown value as an ApiError, for views that show `error.message`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError({ kind: 'parse', message: error instanceof Error ? error.message : PARSE_MESSAGE })
}

const OFFLINE_STALE_MESSAGE = '离线：显示的是上次加载的内容。联网后点“重试”。'
const SLOW_STALE_MESSAGE = '网络太慢，没有刷新成功：显示的是上次加载的内容。到信号好的地方后点“重试”。'

/**
 * What a list says above the rows it kept when a refresh failed: 离线 when the phone could not reach the
 * server, 网络太慢 on a timeout, otherwise the error's own message.
 */
export function staleMessage(error: unknown): string {
  const apiError = toApiError(error)
  if (apiError.kind === 'network') return OFFLINE_STALE_MESSAGE
  if (apiError.kind === 'timeout') return SLOW_STALE_MESSAGE
  return apiError.message
}
