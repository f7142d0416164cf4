import { apiClient } from '@/api/client'
import { themeMonthSchema } from '@/api/contract/honour'

/** The theme month of a year: 春分 date, March events, honours (GET /theme-months/:year). */
export function getThemeMonth(year: number) {
  return apiClient({ method: 'GET', path: `/theme-months/${year}`, schema: themeMonthSchema })
}
