import { expect, type Page } from '@playwright/test'

/** Logs a demo account in over the API (not the UI) and returns its bearer token. */
export async function apiToken(page: Page, phone: string): Promise<string> {
  const res = await page.request.post('/api/auth/login', { data: { phone, code: '123456' } })
  expect(res.status()).toBe(200)
  const { token } = (await res.json()) as { token: string }
  return token
}

/** Withdraws the sign-up of the account behind `token` (DELETE /events/:id/registration). */
export async function cancelRegistrationOverApi(page: Page, token: string, eventId: string): Promise<void> {
  const res = await page.request.delete(`/api/events/${eventId}/registration`, { headers: { Authorization: `Bearer ${token}` } })
  expect(res.status()).toBe(200)
}
