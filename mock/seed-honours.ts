import { springEquinoxInstant } from '../src/api/contract/equinox'
import { INNOVATION_AWARD_AMOUNT_YUAN, INNOVATION_AWARD_QUOTA } from '../src/api/contract/honour'
import { CHINA_OFFSET_MS, chinaDayStart } from '../src/api/contract/time'
import { newCheckinSecret, type DbState, type EventRecord, type HonourRecord, type UserRecord } from './db'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/** The China-time calendar year of an instant. */
const chinaYearOf = (ms: number) => new Date(ms + CHINA_OFFSET_MS).getUTCFullYear()

/** 春分日 of `year` at `hour` o'clock China time. */
export function equinoxDayAt(year: number, hour: number): number {
  return chinaDayStart(springEquinoxInstant(year)) + hour * HOUR
}

/** When the honours of a year are read out: 10:00 on its 春分日. */
export const ceremonyAt = (year: number) => equinoxDayAt(year, 10)

/** The years whose 春分 ceremony is over by `now`, latest first (Nov 2026 → 2026, 2025, …). */
export function pastCeremonyYears(now: number, count: number): number[] {
  const thisYear = chinaYearOf(now)
  const latest = ceremonyAt(thisYear) <= now ? thisYear : thisYear - 1
  return Array.from({ length: count }, (_, k) => latest - k)
}

/** The year of the next theme month whose 春分 ceremony has not begun (Nov 2026 → 2027). */
export function nextThemeMonthYear(now: number): number {
  const thisYear = chinaYearOf(now)
  return now < equinoxDayAt(thisYear, 9) ? thisYear : thisYear + 1
}

type Place = { village: string; a: number; b: number }

// 岗位创新奖 citations, after the article's themes; `a`, `b` vary the figures from one winner to the next.
const VILLAGE_DEEDS: ((p: Place) => string)[] = [
  ({ village, a }) => `带领${village}探索“飞地经济”发展路径，与镇内园区企业联建标准化厂房，村集体经济年收入从不足 10 万元增长到 ${20 + (a % 40)} 万元。`,
  ({ a, b }) => `牵头成立猕猴桃专业合作社，推行统一品种、统一技术、统一销售，带动 ${60 + a} 户村民种植红心猕猴桃，户均增收 ${3 + (b % 5)} 千元。`,
  ({ a, b }) => `依托绵竹年画非遗资源，打造“年画+研学”乡村旅游线路，全年接待游客 ${2 + (b % 6)} 万人次，带动村民开办年画作坊和农家乐 ${5 + (a % 12)} 家。`,
  ({ a }) => `盘活闲置农房 ${10 + (a % 30)} 处发展山地民宿集群，采用“支部+公司+农户”模式，村集体和群众共享乡村旅游收益。`,
  ({ a, b }) => `传承灾后重建精神，组织党员突击队完成 ${3 + (b % 8)} 处地质灾害隐患点整治和 ${40 + a} 户农房风貌提升。`,
  ({ a }) => `运用“四书模式”预防化解农房流转纠纷 ${8 + (a % 20)} 起，学用“枫桥式工作法”，全年矛盾纠纷不出村。`,
  ({ a }) => `把群众急难愁盼列入民生实事清单，推动建成村级养老服务站和便民服务点，全年办结民生实事 ${20 + a} 件。`,
  ({ b }) => `在“强村讲堂”上 ${2 + (b % 3)} 次分享集体经济“五干一分”发展经验，带动片区 ${4 + (b % 6)} 个村借鉴推广。`,
  ({ village }) => `率先用好村级基础信息统计“一张表”数字平台，${village}村务信息实时更新、一表通用，做法在全镇推广。`,
  ({ a }) => `汛期坚守防汛一线 ${30 + (a % 40)} 天，提前组织转移避险群众 ${100 + a * 3} 人，实现零伤亡。`,
  ({ a, b }) => `推行土地托管和适度规模经营，整合流转土地 ${500 + a * 10} 亩，建成高标准农田示范片，村集体年增收 ${10 + (b % 20)} 万元。`,
  ({ a }) => `发展高山蔬菜和林下中药材种植 ${200 + a * 5} 亩，打通“合作社+电商”销售渠道，带动脱贫户稳定增收。`,
  ({ a }) => `组织党员和返乡青年开展电商直播助农，全年线上销售本地农产品 ${50 + a * 2} 万元。`,
  ({ a }) => `牵头实施农村人居环境整治，完成改厕 ${80 + a} 户，建成村级污水处理站，村容村貌焕然一新。`,
  ({ b }) => `深化“支部建在项目上”，在村办企业和合作社建立党小组，党员带头领办产业项目 ${3 + (b % 5)} 个。`,
  ({ b }) => `建立村级后备力量“育苗”机制，培养返乡青年入党积极分子 ${3 + (b % 6)} 名，村“两委”班子结构明显优化。`,
]
const COMMUNITY_DEEDS: ((p: Place) => string)[] = [
  ({ b }) => `探索“社区合伙人”培育机制，引入 ${5 + (b % 8)} 家社会组织和商户参与社区服务，居民满意度明显提升。`,
  ({ a }) => `推行党建引领基层治理“十大微改革”，建立楼栋党小组 ${10 + (a % 20)} 个，小区物业矛盾就地化解。`,
  ({ a }) => `推动社区公共卫生委员会与区域医疗技术服务中心联动，为辖区 ${300 + a * 10} 名老人建立健康档案、开展上门随访。`,
  ({ village, a }) => `盘活${village}闲置用房建成“一老一小”服务点，全年办结民生实事 ${30 + a} 件。`,
  ({ village }) => `率先用好基础信息统计“一张表”数字平台，${village}网格信息准确及时，经验在全市交流。`,
  ({ a }) => `示范打造“大货车司机之家”，为过往货车司机提供休息、维修和学习服务 ${1000 + a * 50} 人次。`,
]

const CONTEST_ITEMS = ['政策理论知识竞答', '群众工作情景模拟', '产业项目路演', '矛盾纠纷调处']
const CONTEST_PRIZES = ['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖']

/** A year's draw: a fixed permutation of the pool (17 and 23 are prime to 36), shifted per year. */
function drawOrder(secretaries: UserRecord[], k: number, step = 17, shift = 13): UserRecord[] {
  const n = secretaries.length
  return Array.from({ length: n }, (_, i) => secretaries[(i * step + k * shift) % n])
}

const EXCELLENT_DEEDS: ((village: string, n: number) => string)[] = [
  (village, n) => `年初履职承诺项项兑现，季度拉练评比 ${n} 次位列片区第一，年末考核评议优秀，${village}党组织战斗堡垒作用突出。`,
  (village) => `坚持“支部建在项目上”，${village}集体经济收入连续三年增长，年末考核评议位列全市前十。`,
  (village, n) => `扎根一线、为民办事，全年走访群众 ${100 + n * 40} 户次，${village}群众满意度测评全镇第一。`,
]

/** One year's honours: 30 岗位创新奖, 5 优秀书记, 6 技能比武 prizes and 2 荣退, all read out on its 春分日. */
function honoursOfYear(year: number, k: number, pool: UserRecord[], retirees: UserRecord[]): HonourRecord[] {
  const awardedAt = ceremonyAt(year)
  const order = drawOrder(pool, k)
  const honours: HonourRecord[] = []
  const add = (type: HonourRecord['type'], n: number, recipient: UserRecord, title: string, citation: string, amount?: number) =>
    honours.push({
      id: `hon-${year}-${type.slice(0, 3)}-${String(n).padStart(2, '0')}`,
      year,
      type,
      title,
      recipientId: recipient.id,
      citation,
      ...(amount !== undefined ? { amount } : {}),
      awardedAt,
      createdBy: 'u-o1',
    })
  const villageOf = (u: UserRecord) => u.village ?? u.town
  order.slice(0, INNOVATION_AWARD_QUOTA).forEach((winner, i) => {
    const village = villageOf(winner)
    const place = { village, a: (i * 37 + k * 11) % 50, b: i * 7 + k * 3 }
    const deeds = village.endsWith('社区') ? COMMUNITY_DEEDS : VILLAGE_DEEDS
    const deed = deeds[(i + k * 5) % deeds.length](place)
    add('innovation', i + 1, winner, `${year}年度岗位创新奖`, `${winner.town}${village}党组织书记${winner.name}：${deed}`, INNOVATION_AWARD_AMOUNT_YUAN)
  })
  order.slice(INNOVATION_AWARD_QUOTA, INNOVATION_AWARD_QUOTA + 5).forEach((winner, i) => {
    const deed = EXCELLENT_DEEDS[(i + k) % EXCELLENT_DEEDS.length](villageOf(winner), 1 + ((i + k) % 3))
    add('excellent', i + 1, winner, `${year}年度优秀村（社区）党组织书记`, deed)
  })
  drawOrder(pool, k, 23, 7)
    .slice(0, CONTEST_PRIZES.length)
    .forEach((winner, i) => {
      const item = CONTEST_ITEMS[(i + k) % CONTEST_ITEMS.length]
      add(
        'contest',
        i + 1,
        winner,
        `${year}年村党组织书记技能比武 ${item} ${CONTEST_PRIZES[i]}`,
        `在${year}年村党组织书记技能比武“${item}”项目中沉着应对、表现突出，获${CONTEST_PRIZES[i]}。`,
      )
    })
  retirees.forEach((retiree, i) => {
    const years = 18 + ((i * 5 + k * 3) % 12)
    add(
      'retirement',
      i + 1,
      retiree,
      `荣退：扎根村级工作 ${years} 年`,
      `${retiree.name}同志在${villageOf(retiree)}工作 ${years} 年，经历灾后重建、脱贫攻坚和乡村振兴，带头干、领着干，赢得群众信赖。今年光荣卸任，组织为您举行荣退仪式，感谢您的坚守与付出！`,
    )
  })
  return honours
}

/**
 * Honours of the last two years whose 春分 ceremony is over (in Nov 2026: 2026 and 2025, so this
 * year's 岗位创新奖 are already 30/30 and next year's 0/30). u-s01 wins a 岗位创新奖 in both years
 * and a contest prize in the latest; the last four secretaries (u-s37–40) are the 荣退 of the two
 * years and win nothing else.
 */
export function seedHonours(now: number, users: UserRecord[]): Pick<DbState, 'honours'> {
  const secretaries = users.filter((u) => u.role === 'secretary')
  const retiring = secretaries.slice(-4).reverse()
  const pool = secretaries.slice(0, -4)
  return {
    honours: pastCeremonyYears(now, 2).flatMap((year, k) => honoursOfYear(year, k, pool, retiring.slice(2 * k, 2 * k + 2))),
  }
}

const VENUES = {
  partySchool: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号', lat: 31.3386, lng: 104.2205 },
  expansion: { name: '绵竹市素质拓展训练基地', address: '绵竹市遵道镇棚花村 2 组', lat: 31.3921, lng: 104.1597 },
  zundao: { name: '遵道镇棚花村农业合作社', address: '绵竹市遵道镇棚花村 4 组', lat: 31.3905, lng: 104.1612 },
}

type ThemeEvent = Pick<EventRecord, 'type' | 'title' | 'description' | 'speaker' | 'venue' | 'capacity' | 'credits' | 'contestItems'> & {
  key: string
  /** Day of March (0 = 春分日) and the hour it starts, China time. */
  day: number
  hour: number
  hours: number
}

const THEME_EVENTS: ThemeEvent[] = [
  { key: 'opening', type: 'lecture', day: 3, hour: 9, hours: 3, title: '强村讲堂：支书主题活动月开班第一课', description: '支书主题活动月开幕。学习“收入倍增”计划和岗位创新奖评选办法，回顾上一年度履职承诺兑现情况。', speaker: '市委组织部 周敏', venue: VENUES.partySchool, capacity: 120, credits: 2 },
  { key: 'contest', type: 'contest', day: 11, hour: 9, hours: 6, title: '技能比武：春季村党组织书记履职能力比武', description: '主题活动月技能比武，获奖者在春分日集中活动上颁奖。请选择参赛项目。', venue: VENUES.partySchool, capacity: 60, credits: 3, contestItems: ['政策理论知识竞答', '群众工作情景模拟', '产业项目路演'] },
  { key: 'exchange', type: 'exchange', day: 17, hour: 14, hours: 3, title: '片区交流：猕猴桃春季管护与集体经济增收', description: '在遵道镇棚花村交流猕猴桃春管技术、合作社经营和“五干一分”集体经济做法。', venue: VENUES.zundao, capacity: 50, credits: 1.5 },
  { key: 'equinox', type: 'exchange', day: 0, hour: 9, hours: 8, title: '支书主题活动月·春分日集中活动：组织荣誉颁授暨素质拓展', description: '上午颁授岗位创新奖、优秀书记、技能比武奖项，并为荣退书记举行荣退仪式；下午开展素质拓展。请着工作装，8:30 前签到。', speaker: '市委组织部', venue: VENUES.expansion, capacity: 120, credits: 4 },
  { key: 'lecture', type: 'lecture', day: 27, hour: 14, hours: 2.5, title: '强村讲堂：岗位创新奖获奖书记经验分享', description: '邀请岗位创新奖获奖书记分享集体经济强村公司、民宿集群、灾后重建成果转化等经验。', speaker: '岗位创新奖获奖书记代表', venue: VENUES.partySchool, capacity: 120, credits: 2 },
]

/**
 * The theme month's events of the next March whose 春分 has not come (in Nov 2026: March 2027):
 * the 春分日 ceremony on the equinox day and four more, published for everyone.
 */
export function seedThemeMonthEvents(now: number): EventRecord[] {
  const year = nextThemeMonthYear(now)
  const marchFirst = Date.UTC(year, 2, 1) - CHINA_OFFSET_MS
  return THEME_EVENTS.map(({ key, day, hour, hours, ...rest }) => {
    const id = `evt-theme-${key}`
    const startAt = day === 0 ? equinoxDayAt(year, hour) : marchFirst + (day - 1) * DAY + hour * HOUR
    return {
      id,
      ...rest,
      startAt,
      endAt: startAt + hours * HOUR,
      signupDeadline: startAt - 72 * HOUR,
      audienceTowns: [],
      status: 'published' as const,
      createdBy: 'u-o1',
      createdAt: Math.min(now, startAt) - 10 * DAY,
      checkinSecret: newCheckinSecret(),
    }
  })
}
