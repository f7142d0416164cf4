import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHECKIN_CODE_LIMIT, LOGIN_ADDRESS_LIMIT, LOGIN_PHONE_LIMIT } from '../../mock/attempts'
import { MAX_SESSIONS, SMS_CODE_TTL_MS, SMS_PER_ADDRESS, SMS_PER_PHONE } from '../../mock/routes/auth'
import { UPLOAD_TOTAL_BYTES, UPLOADS_PER_DAY } from '../../mock/routes/uploads'
import { IDEMPOTENCY_PER_CALLER, MUTATIONS_PER_MINUTE, SESSION_IDLE_MS } from '../../mock/server'

// The README's "Security model" table names the limits a real backend must keep: it must say what the code does.

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
const section = readme.slice(readme.indexOf('## Security model'), readme.indexOf('## Testing'))
const row = (rule: string) => {
  const line = section.split('\n').find((l) => l.startsWith(`| ${rule} |`))
  if (!line) throw new Error(`no row "${rule}" in the README's Security model table`)
  return line
}
const MIN = 60_000

describe("the README's Security model", () => {
  it('should state the login, SMS and session limits the mock enforces', () => {
    expect(row('wrong login codes per phone')).toContain(`${LOGIN_PHONE_LIMIT.max} in ${LOGIN_PHONE_LIMIT.windowMs / MIN} min → code voided, phone locked ${LOGIN_PHONE_LIMIT.lockMs / MIN} min`)
    expect(row('failed logins per client address')).toContain(`${LOGIN_ADDRESS_LIMIT.max} in ${LOGIN_ADDRESS_LIMIT.windowMs / MIN} min → address locked ${LOGIN_ADDRESS_LIMIT.lockMs / MIN} min`)
    expect(row('login code')).toContain(`${SMS_CODE_TTL_MS / MIN} min, once`)
    expect(row('SMS sends')).toContain(`${SMS_PER_PHONE.max} per phone in ${SMS_PER_PHONE.windowMs / 3_600_000} h; ${SMS_PER_ADDRESS.max} per address in ${SMS_PER_ADDRESS.windowMs / 3_600_000} h`)
    expect(row('sessions')).toContain(`end ${SESSION_IDLE_MS / 86_400_000} days after last use; at most ${MAX_SESSIONS} per user`)
  })

  it('should state the check-in, request, upload and idempotency quotas the mock enforces', () => {
    expect(row('wrong 签到 codes per secretary and event')).toContain(`${CHECKIN_CODE_LIMIT.max} in ${CHECKIN_CODE_LIMIT.windowMs / MIN} min → locked ${CHECKIN_CODE_LIMIT.lockMs / MIN} min`)
    expect(row('mutating requests per caller')).toContain(`${MUTATIONS_PER_MINUTE} a minute`)
    expect(row('uploads per user')).toContain(`${UPLOADS_PER_DAY} in 24 h, ${UPLOAD_TOTAL_BYTES / 1024 / 1024} MB in all`)
    expect(row('Idempotency answers per caller')).toContain(IDEMPOTENCY_PER_CALLER.toLocaleString('en-US'))
  })
})
