// The 14 towns and streets (镇、街道) of Mianzhu with their 片区, in the order the city lists them: one list
// for the app's pickers (event audiences, review screens) and the mock's seed and checks.

export const MIANZHU_TOWN_AREAS = [
  { town: '剑南街道', area: '城区片区' },
  { town: '孝德镇', area: '城区片区' },
  { town: '东北街道', area: '城区片区' },
  { town: '西南街道', area: '城区片区' },
  { town: '汉旺镇', area: '山区片区' },
  { town: '清平镇', area: '山区片区' },
  { town: '天池镇', area: '山区片区' },
  { town: '九龙镇', area: '山区片区' },
  { town: '遵道镇', area: '山前片区' },
  { town: '土门镇', area: '山前片区' },
  { town: '广济镇', area: '山前片区' },
  { town: '新市镇', area: '坝区片区' },
  { town: '齐福镇', area: '坝区片区' },
  { town: '富新镇', area: '坝区片区' },
] as const

/** A town or street of Mianzhu. */
export type MianzhuTown = (typeof MIANZHU_TOWN_AREAS)[number]['town']

/** The town names alone, in the city's order. */
export const MIANZHU_TOWNS: readonly MianzhuTown[] = MIANZHU_TOWN_AREAS.map((t) => t.town)
