import type { MockApi } from './mock-api'

/** A 1×1 PNG (the smallest real image). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** `count` complete commitment items as a draft sends them. */
export function completeItems(count: number): { category: string; title: string; target: string; dueQuarter: number; metric?: { unit: string; targetValue: number } }[] {
  const categories = ['集体经济', '产业发展', '基层治理', '民生实事', '党建工作']
  return Array.from({ length: count }, (_, i) => ({
    category: categories[i % categories.length],
    title: `承诺事项 ${i + 1}`,
    target: `年底前完成第 ${i + 1} 项可衡量的目标`,
    dueQuarter: (i % 4) + 1,
    ...(i === 0 ? { metric: { unit: '万元', targetValue: 30 } } : {}),
  }))
}

/** POSTs a multipart upload of `bytes` as field `file` (or another field name) with a file name and type. */
export async function uploadFile(
  api: MockApi,
  token: string | undefined,
  bytes: Buffer,
  opts: { filename?: string; type?: string; field?: string; headers?: Record<string, string>; extra?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const form = new FormData()
  form.append(opts.field ?? 'file', new Blob([new Uint8Array(bytes)], { type: opts.type ?? 'application/octet-stream' }), opts.filename ?? 'photo.jpg')
  for (const [k, v] of Object.entries(opts.extra ?? {})) form.append(k, v)
  const headers: Record<string, string> = { ...opts.headers }
  if (token) headers.Authorization = `Bearer ${token}`
  const res = await fetch(`${api.base}/uploads`, { method: 'POST', body: form, headers })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers }
}

/** Writes, submits and (by organiser) approves a sheet of `items` for the year; returns the approved sheet. */
export async function approvedSheet(api: MockApi, secretary: string, organiser: string, year: number, items = completeItems(3)): Promise<any> {
  const saved = await api.call('PUT', `/me/commitments/${year}`, { token: secretary, body: { items } })
  if (saved.status >= 300) throw new Error(`save failed: ${JSON.stringify(saved.body)}`)
  const submitted = await api.call('POST', `/me/commitments/${year}/submit`, { token: secretary })
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`)
  const approved = await api.call('POST', `/commitments/${saved.body.id}/review`, { token: organiser, body: { decision: 'approve' } })
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`)
  return approved.body
}
