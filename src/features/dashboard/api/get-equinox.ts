import { apiClient } from '@/api/client'
import { themeMonthSchema } from '@/api/contract/honour'

/**
 * The 春分 date of a year, `YYYY-MM-DD`, from GET /theme-months/:year (asked only in February–March):
 * the server computes it with the shared equinox module, which thus stays out of the main package.
 */
export function getEquinox(year: number): Promise<string> {
  return apiClient({ method: 'GET', path: `/theme-months/${year}`, schema: themeMonthSchema }).then((month) => month.equinox)
}
