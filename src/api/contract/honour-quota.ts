// The 岗位创新奖 quota, apart from the honour schemas: api-error.ts (main package) needs its wording
// without pulling zod schemas of honours into the main package.

/** 岗位创新奖: 30 a year, 5000 yuan each (the article). */
export const INNOVATION_AWARD_QUOTA = 30
export const INNOVATION_AWARD_AMOUNT_YUAN = 5000

/**
 * Why no more 岗位创新奖 can be published (409 AWARD_QUOTA_FULL): one wording for the mock's refusal,
 * the form's check before sending, and the client's fallback when an answer carries no message.
 */
export function awardQuotaFullMessage(year?: number): string {
  return `${year === undefined ? '今年' : `${year} 年`}的岗位创新奖已评满 ${INNOVATION_AWARD_QUOTA} 名，不能再发布。如需调整名单，请联系市委组织部。`
}
