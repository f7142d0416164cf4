import { apiClient } from './client'
import { themeMonthSchema } from './contract/honour'

// The March theme month (mock/routes/theme-months.ts): GET /theme-months/:year.

/** The theme month of a year: 春分 date, March events, honours (GET /theme-months/:year). */
export function getThemeMonth(year: number) {
  return apiClient({ method: 'GET', path: `/theme-months/${year}`, schema: themeMonthSchema })
}

/**
 * The 春分 date of a year, `YYYY-MM-DD` (asked only in February–March): the server computes it with
 * the shared equinox module, which thus stays out of the main package.
 */
export function getEquinox(year: number): Promise<string> {
  return getThemeMonth(year).then((month) => month.equinox)
}
