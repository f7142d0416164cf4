import { z } from 'zod/mini'
import { phoneSchema } from './common'

/** Who a user is to the app. */
export const roleSchema = z.enum(['secretary', 'organiser'])
export type Role = z.infer<typeof roleSchema>

/** `User` as API.md defines it (phones of other people arrive masked for secretaries). */
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  town: z.string(),
  village: z.optional(z.string()),
  area: z.optional(z.string()),
  phone: z.string(),
  /** v1.1: an organiser's towns; empty = the whole city. */
  scope: z.optional(z.object({ towns: z.array(z.string()) })),
})
export type User = z.infer<typeof userSchema>

/**
 * Whether an organiser manages an event for these audience towns (API.md v1.1): the city's organisers
 * every event, a town organiser only events whose towns all lie in their scope (an empty audience is
 * the whole city, not theirs).
 */
export function managesAudience(user: Pick<User, 'role' | 'scope'>, audienceTowns: readonly string[]): boolean {
  if (user.role !== 'organiser') return false
  const towns = user.scope?.towns ?? []
  if (towns.length === 0) return true
  return audienceTowns.length > 0 && audienceTowns.every((town) => towns.includes(town))
}

/** An organiser of the whole city (市委组织部, `scope.towns` empty): honours and the question bank are theirs alone. */
export function isCityOrganiser(user: Pick<User, 'role' | 'scope'>): boolean {
  return user.role === 'organiser' && (user.scope?.towns.length ?? 0) === 0
}

/** Body of `POST /auth/sms-code`. */
export const smsCodeBodySchema = z.strictObject({ phone: phoneSchema })
export type SmsCodeBody = z.infer<typeof smsCodeBodySchema>

/** Body of `POST /auth/login`. */
export const loginBodySchema = z.strictObject({
  phone: phoneSchema,
  code: z.string({ error: '请输入验证码' }).check(z.trim(), z.regex(/^\d{6}$/, { error: '验证码为 6 位数字' })),
})
export type LoginBody = z.infer<typeof loginBodySchema>

/** Answer of `POST /auth/login`. */
export const loginResultSchema = z.object({ token: z.string().check(z.minLength(1)), user: userSchema })
export type LoginResult = z.infer<typeof loginResultSchema>
