import type { AskSignupSubscribe } from '../lib/subscribe-config'

/** Platforms without subscribe messages (Jest, tsc): signs up straight away. */
export const askSignupSubscribe: AskSignupSubscribe = (then) => then()
