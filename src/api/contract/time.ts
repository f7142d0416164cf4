// China-time helpers, one set for the mock and the app (UTC+8, no daylight saving; the phone's own time zone
// never counts). Import them from here. This module only re-exports its three parts, so that webpack follows
// each import to the part that defines it and a package carries only what it calls: 首页's first load takes the
// calendar fields, the main package adds ISO dates, and the pickers stay in the organisers' sub-package.

export {
  CHINA_OFFSET_MS,
  chinaCalendar,
  chinaDateTime,
  chinaDay,
  chinaDayStart,
  chinaMonthDayTime,
  chinaMonthRange,
  chinaQuarter,
  chinaYear,
  chinaYearRange,
  quarterStarted,
  yearOver,
} from './time/calendar'
export { chinaDate, toChinaIso } from './time/iso'
export { chinaDateAfter, chinaIso, chinaParts } from './time/picker'
