/**
 * One-time subscribe-message templates asked for when a secretary signs up on weapp (候补转正、活动变更或取消).
 * Template ids come from 微信公众平台 → 功能 → 订阅消息 of the production AppID; with none configured the
 * app does not ask (the weapp file then signs up at once).
 */
export const SIGNUP_SUBSCRIBE_TEMPLATE_IDS: readonly string[] = []

/** How long sign-up waits for the subscribe dialog before going ahead anyway. */
export const SUBSCRIBE_WAIT_MS = 15_000

/** Runs `then` (the sign-up) after asking for a subscribe message, on platforms that can ask. */
export type AskSignupSubscribe = (then: () => void) => void
