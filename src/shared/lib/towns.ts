/** The 14 towns and streets (镇、街道) of Mianzhu, in the order the city lists them: event audiences and the review screens pick from these. */
export const MIANZHU_TOWNS = [
  '剑南街道',
  '孝德镇',
  '东北街道',
  '西南街道',
  '汉旺镇',
  '清平镇',
  '天池镇',
  '九龙镇',
  '遵道镇',
  '土门镇',
  '广济镇',
  '新市镇',
  '齐福镇',
  '富新镇',
] as const
