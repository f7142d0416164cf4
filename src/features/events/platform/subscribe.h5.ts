import type { AskSignupSubscribe } from '../lib/subscribe-config'

/** H5 has no subscribe messages: signs up straight away. */
export const askSignupSubscribe: AskSignupSubscribe = (then) => then()
