/** Field messages for the login form, checked before anything is sent (same rules as the server). */
export function validateLogin(phone: string, code: string | null): { phone?: string; code?: string } {
  const errors: { phone?: string; code?: string } = {}
  const p = phone.trim()
  if (!p) errors.phone = '请输入手机号'
  else if (!/^1\d{10}$/.test(p)) errors.phone = '手机号应为 11 位数字，以 1 开头'
  if (code !== null) {
    const c = code.trim()
    if (!c) errors.code = '请输入验证码'
    else if (!/^\d{6}$/.test(c)) errors.code = '验证码为 6 位数字'
  }
  return errors
}
