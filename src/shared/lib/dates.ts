import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** An instant in China time (UTC+8), whatever the phone's own time zone. */
export function inChina(value: string | number | Date): Dayjs {
  return dayjs(value).utcOffset(8 * 60)
}

/** `12月3日 周四 09:00` in China time. */
export function formatDateTime(value: string | number): string {
  const d = inChina(value)
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]} ${d.format('HH:mm')}`
}

/** `12月3日 周四 09:00–12:00`, or both full when the event spans days. */
export function formatTimeRange(start: string, end: string): string {
  const s = inChina(start)
  const e = inChina(end)
  if (s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD')) return `${formatDateTime(start)}–${e.format('HH:mm')}`
  return `${formatDateTime(start)} 至 ${formatDateTime(end)}`
}

/** How long until `target`, in the words an older user reads at a glance: 还剩 2 天 / 还剩 5 小时 / 还剩 20 分钟. */
export function formatRemaining(target: string | number, now: number): string {
  const ms = inChina(target).valueOf() - now
  if (ms <= 0) return '已过'
  const minutes = Math.ceil(ms / 60_000)
  if (minutes < 60) return `还剩 ${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `还剩 ${hours} 小时`
  return `还剩 ${Math.floor(hours / 24)} 天`
}
