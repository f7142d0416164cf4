import Taro from '@tarojs/taro'
import { SIGNUP_SUBSCRIBE_TEMPLATE_IDS, SUBSCRIBE_WAIT_MS, type AskSignupSubscribe } from '../lib/subscribe-config'

/**
 * weapp: asks for a one-time subscribe message, then signs up whatever the answer. WeChat shows the dialog
 * only when called straight from a tap, so the 报名 handler calls this before sending anything; a refusal,
 * a failure or no answer within SUBSCRIBE_WAIT_MS changes nothing and never keeps the secretary from signing up.
 */
export const askSignupSubscribe: AskSignupSubscribe = (then) => {
  const tmplIds = [...SIGNUP_SUBSCRIBE_TEMPLATE_IDS]
  if (tmplIds.length === 0) {
    then()
    return
  }
  let done = false
  const proceed = () => {
    if (done) return
    done = true
    clearTimeout(timer)
    then()
  }
  const timer = setTimeout(proceed, SUBSCRIBE_WAIT_MS)
  try {
    // entityIds is Alipay's name for the same list; WeChat reads tmplIds.
    Taro.requestSubscribeMessage({ tmplIds, entityIds: [] }).then(proceed, proceed)
  } catch {
    proceed()
  }
}
