import type { CommitmentCategory } from '../src/api/contract/commitment'
import { CHINA_OFFSET_MS, chinaQuarter, chinaYear, chinaYearRange } from '../src/api/contract/time'
import {
  newCheckinSecret,
  type CommitmentItemRecord,
  type CommitmentRecord,
  type DbState,
  type EventRecord,
  type NotificationRecord,
  type ProgressRecord,
  type RegistrationRecord,
  type ReviewScoreRecord,
  type UploadRecord,
  type UserRecord,
} from './db'
import { SEED_IMAGE_NAMES, seedImage } from './seed-images'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

type ItemSeed = { title: string; target: string; metric?: { unit: string; targetValue: number } }

/** Believable items per category, from the article's themes (集体经济, 猕猴桃/年画/民宿, 四书模式 …). */
const CATALOG: Record<CommitmentCategory, ItemSeed[]> = {
  集体经济: [
    { title: '村集体经济年收入突破 30 万元', target: '通过土地托管、物业出租等方式，村集体经济年收入达到 30 万元', metric: { unit: '万元', targetValue: 30 } },
    { title: '盘活闲置村小学发展“飞地经济”', target: '与镇工业园区合作出租闲置校舍，年增收 8 万元', metric: { unit: '万元', targetValue: 8 } },
    { title: '成立村级劳务合作社', target: '组织 120 名村民参加劳务输出，合作社年创收 15 万元', metric: { unit: '人', targetValue: 120 } },
    { title: '村集体入股乡村旅游公司', target: '以集体建设用地入股，年底实现首次分红', metric: { unit: '万元', targetValue: 5 } },
  ],
  产业发展: [
    { title: '扩大红心猕猴桃种植基地', target: '新增红心猕猴桃 200 亩，建成冷链仓储 1 座', metric: { unit: '亩', targetValue: 200 } },
    { title: '年画文创产品进景区', target: '开发年画文创产品 10 款，在年画村景区设展销点 2 个', metric: { unit: '款', targetValue: 10 } },
    { title: '发展乡村民宿集群', target: '改造闲置农房 12 户为精品民宿，旺季入住率 70%', metric: { unit: '户', targetValue: 12 } },
    { title: '高山蔬菜订单种植', target: '与 3 家商超签订单，种植高山蔬菜 300 亩', metric: { unit: '亩', targetValue: 300 } },
    { title: '农产品电商直播带货', target: '培训村民主播 10 名，线上销售农产品 50 万元', metric: { unit: '万元', targetValue: 50 } },
  ],
  基层治理: [
    { title: '推行“四书模式”化解矛盾纠纷', target: '农房流转等纠纷调处成功率 95% 以上，全年无越级上访' },
    { title: '建立网格员联户制度', target: '划分网格 8 个，每名网格员联系 30 户，每月走访一遍', metric: { unit: '个', targetValue: 8 } },
    { title: '修订完善村规民约', target: '修订村规民约，经村民代表大会审议通过并上墙公示' },
    { title: '推行“积分制”管理', target: '全村 90% 农户参与积分评比，每季度兑换一次', metric: { unit: '%', targetValue: 90 } },
  ],
  民生实事: [
    { title: '硬化通组道路 3 公里', target: '完成 3 组、5 组通组道路硬化 3 公里，年底前通车', metric: { unit: '公里', targetValue: 3 } },
    { title: '建设村级养老互助点', target: '建成日间照料中心 1 个，为 60 名高龄老人提供助餐服务', metric: { unit: '人', targetValue: 60 } },
    { title: '农村人居环境整治', target: '改造户厕 80 户，垃圾分类覆盖率达到 90%', metric: { unit: '户', targetValue: 80 } },
    { title: '安装太阳能路灯', target: '在主干道和聚居点安装太阳能路灯 120 盏', metric: { unit: '盏', targetValue: 120 } },
  ],
  党建工作: [
    { title: '“三会一课”规范化', target: '全年召开党员大会 4 次、上党课 4 次，记录完整规范', metric: { unit: '次', targetValue: 8 } },
    { title: '培养年轻党员', target: '培养入党积极分子 3 名，吸收 35 岁以下致富能手入党 1 名', metric: { unit: '名', targetValue: 3 } },
    { title: '党员设岗定责', target: '为全体党员设立政策宣传、环境监督等岗位，党员参与率 100%' },
    { title: '建好党群服务中心', target: '党群服务中心每天有人值守，代办事项当日办结率 90%', metric: { unit: '%', targetValue: 90 } },
  ],
}
const CATEGORIES = Object.keys(CATALOG) as CommitmentCategory[]

const NOTES = [
  '已制定实施方案，召开村民代表会议讨论通过，落实了责任人。',
  '项目推进过半，已完成主体工作，群众反映良好。',
  '主要任务基本完成，正在查漏补缺，准备迎接镇上检查。',
  '全年任务完成，资料已归档，下一步总结经验继续推进。',
]

const SCORE_COMMENTS = [
  '现场汇报思路清晰，项目推进有力。',
  '产业发展亮点突出，建议加强宣传推广。',
  '台账资料规范，群众满意度高。',
  '进度偏慢，需加大推进力度。',
]

/** First instant of quarter `q` of a China-time year. */
const quarterStart = (year: number, q: number) => Date.UTC(year, (q - 1) * 3, 1) - CHINA_OFFSET_MS

/** Secretary number `n` (1–40) → its user id. */
const sid = (n: number) => `u-s${String(n).padStart(2, '0')}`

/** The five items of secretary `n`'s sheet (one per category), with fixed ids. */
function sheetItems(n: number, year: number, count = 5): CommitmentItemRecord[] {
  return CATEGORIES.slice(0, count).map((category, k) => {
    const options = CATALOG[category]
    const pick = options[(n + k * 3 + year) % options.length]
    return {
      id: `itm-${year}-${n}-${k + 1}`,
      category,
      title: pick.title,
      target: pick.target,
      ...(pick.metric ? { metric: { ...pick.metric } } : {}),
      dueQuarter: ((n + k) % 4) + 1,
      progress: [],
    }
  })
}

/** Reports for quarters 1..upTo, rising to `final` percent; a photo on some. */
function progressOf(item: CommitmentItemRecord, n: number, k: number, year: number, upTo: number, final: number, now: number): ProgressRecord[] {
  const reports: ProgressRecord[] = []
  for (let q = 1; q <= upTo; q += 1) {
    const percent = Math.round((final * q) / 4)
    const photo = (k + q + n) % 3 === 0 ? [SEED_IMAGE_NAMES[(n + k + q) % SEED_IMAGE_NAMES.length]] : []
    const reportedAt = Math.min(quarterStart(year, q) + (80 - ((n + k) % 10)) * DAY, now - HOUR)
    reports.push({
      quarter: q,
      percent,
      ...(item.metric ? { value: Math.round(item.metric.targetValue * percent) / 100 } : {}),
      note: NOTES[q - 1],
      photos: photo,
      reportedAt,
    })
  }
  return reports
}

/** Final percent of secretary `n`'s item `k`: spread so that the ranking has a top and a bottom. */
const finalPercent = (n: number, k: number) => Math.min(100, 45 + ((n * 37 + k * 11) % 50) + (n % 4 === 0 ? 10 : 0))

/** This year's state of each secretary's sheet (u-s01 has none: the e2e writes it). */
function thisYearStatus(n: number): CommitmentRecord['status'] | null {
  if (n === 1) return null
  if (n === 2 || n === 22 || n === 33) return 'draft'
  if (n === 3 || n % 7 === 3) return 'submitted'
  if (n === 4 || n === 29) return 'returned'
  return 'approved'
}

const RETURN_COMMENTS: Record<number, string> = {
  4: '第 2 项目标不够具体，请写明增收金额和完成时间；民生实事请补充资金来源。',
  29: '承诺事项偏少偏虚，请结合本村猕猴桃产业补充可衡量的目标。',
}

/** This year's and last year's commitment cycle: sheets in every state, progress, quarterly scores. */
export function seedCommitmentYear(
  now: number,
  users: UserRecord[],
): Pick<DbState, 'commitments' | 'reviewScores' | 'uploads'> & { notifications: NotificationRecord[] } {
  const thisYear = chinaYear(now)
  const lastYear = thisYear - 1
  const quarter = chinaQuarter(now)
  const [lastStart] = chinaYearRange(lastYear)
  const [thisStart] = chinaYearRange(thisYear)
  const secretaries = users.filter((u) => u.role === 'secretary').map((u) => Number(u.id.slice(3)))
  const commitments: CommitmentRecord[] = []
  const reviewScores: ReviewScoreRecord[] = []
  const notifications: NotificationRecord[] = []
  const clamp = (at: number) => Math.min(at, now - HOUR)

  for (const n of secretaries) {
    // Last year: the full cycle, approved in January, four quarters reported and scored.
    const items = sheetItems(n, lastYear).map((item, k) => ({ ...item, progress: progressOf(item, n, k, lastYear, 4, finalPercent(n, k), now) }))
    commitments.push({
      id: `cmt-${lastYear}-${sid(n)}`,
      year: lastYear,
      ownerId: sid(n),
      status: 'approved',
      items,
      reviewedBy: 'u-o1',
      createdAt: lastStart + (5 + (n % 7)) * DAY,
      submittedAt: lastStart + (15 + (n % 5)) * DAY,
      reviewedAt: lastStart + 25 * DAY,
      updatedAt: Math.max(...items.flatMap((i) => i.progress.map((p) => p.reportedAt))),
    })
    for (let q = 1; q <= 4; q += 1) {
      reviewScores.push(scoreOf(n, lastYear, q, quarterStart(lastYear, q) + 75 * DAY))
    }
    // This year: quarters already over are scored.
    for (let q = 1; q < quarter; q += 1) reviewScores.push(scoreOf(n, thisYear, q, clamp(quarterStart(thisYear, q) + 75 * DAY)))

    const status = thisYearStatus(n)
    if (!status) continue
    const created = clamp(thisStart + (3 + (n % 9)) * DAY)
    let sheetItemsNow = sheetItems(n, thisYear, n === 2 ? 3 : 5)
    if (n === 2) {
      // A draft in the making: the last item has only its category and title so far.
      const last = sheetItemsNow[2]
      sheetItemsNow[2] = { id: last.id, category: last.category, title: last.title, progress: [] }
    }
    if (status === 'approved') {
      sheetItemsNow = sheetItemsNow.map((item, k) => ({ ...item, progress: progressOf(item, n, k, thisYear, quarter - 1, finalPercent(n + 5, k), now) }))
    }
    const submittedAt = status === 'draft' ? undefined : clamp(status === 'submitted' ? now - ((n % 5) + 1) * DAY : created + 10 * DAY)
    const reviewedAt = status === 'approved' || status === 'returned' ? clamp((submittedAt ?? created) + 5 * DAY) : undefined
    const reported = sheetItemsNow.flatMap((i) => i.progress.map((p) => p.reportedAt))
    const record: CommitmentRecord = {
      id: `cmt-${thisYear}-${sid(n)}`,
      year: thisYear,
      ownerId: sid(n),
      status,
      items: sheetItemsNow,
      createdAt: created,
      updatedAt: Math.max(created, submittedAt ?? 0, reviewedAt ?? 0, ...reported),
      ...(submittedAt !== undefined ? { submittedAt } : {}),
      ...(reviewedAt !== undefined ? { reviewedAt, reviewedBy: 'u-o1' } : {}),
      ...(status === 'returned' ? { reviewComment: RETURN_COMMENTS[n] } : {}),
    }
    commitments.push(record)
    if (status === 'returned' && reviewedAt !== undefined) {
      notifications.push({
        id: `ntf-seed-cmt-${n}`,
        userId: sid(n),
        kind: 'commitment_returned',
        title: '履职承诺被退回',
        body: `您 ${thisYear} 年的履职承诺被退回，意见：${RETURN_COMMENTS[n]}。请按意见修改后重新提交。`,
        link: '/pages/commitments/index',
        read: false,
        createdAt: reviewedAt,
      })
    }
  }

  const uploads: UploadRecord[] = SEED_IMAGE_NAMES.map((name) => ({
    name,
    mime: 'image/png',
    bytes: seedImage(name)?.length ?? 0,
    ownerId: 'u-s05',
    createdAt: lastStart,
  }))
  return { commitments, reviewScores, uploads, notifications }
}

/** Secretary `n`'s 拉练 score of a quarter: 70–99.5 in steps of 0.5, a comment on some. */
function scoreOf(n: number, year: number, quarter: number, at: number): ReviewScoreRecord {
  const score = 70 + ((n * 13 + quarter * 7 + year) % 60) / 2
  const comment = (n + quarter) % 3 === 0 ? SCORE_COMMENTS[(n + quarter + year) % SCORE_COMMENTS.length] : undefined
  return { year, quarter, userId: sid(n), score, ...(comment ? { comment } : {}), by: 'u-o1', updatedAt: at }
}

/** Last year's four 现场拉练 (one a quarter) with every secretary registered, so the ranking's attendance part has data. */
const LAST_YEAR_FIELD_DAYS: [string, string, number, { name: string; address: string; lat: number; lng: number }][] = [
  ['evt-ly-field-q1', '现场拉练：孝德镇年画村文旅融合观摩', 80, { name: '孝德镇年画村党群服务中心', address: '绵竹市孝德镇年画村 3 组', lat: 31.3012, lng: 104.1843 }],
  ['evt-ly-field-q2', '现场拉练：遵道镇猕猴桃产业园观摩', 165, { name: '遵道镇棚花村农业合作社', address: '绵竹市遵道镇棚花村 4 组', lat: 31.3905, lng: 104.1612 }],
  ['evt-ly-field-q3', '现场拉练：天池镇云西村民宿集群观摩', 255, { name: '天池镇云西村便民服务站', address: '绵竹市天池镇云西村 2 组', lat: 31.4987, lng: 104.0796 }],
  ['evt-ly-field-q4', '现场拉练：九龙镇“四书模式”基层治理观摩', 330, { name: '九龙镇同林村村委会', address: '绵竹市九龙镇同林村 1 组', lat: 31.4102, lng: 104.2433 }],
]

/** Last year's quarterly field trips and their registrations (ids fixed; `seq` from `firstSeq`). */
export function seedLastYearEvents(now: number, users: UserRecord[], firstSeq: number): { events: EventRecord[]; registrations: Record<string, RegistrationRecord[]>; seq: number } {
  const lastYear = chinaYear(now) - 1
  const [start] = chinaYearRange(lastYear)
  const secretaries = users.filter((u) => u.role === 'secretary')
  const events: EventRecord[] = []
  const registrations: Record<string, RegistrationRecord[]> = {}
  let seq = firstSeq
  LAST_YEAR_FIELD_DAYS.forEach(([id, title, day, venue], q) => {
    const startAt = start + day * DAY + 9 * HOUR
    events.push({
      id,
      type: 'field',
      title,
      description: `${lastYear} 年第 ${q + 1} 季度现场拉练评比：实地观摩，各村书记现场汇报，当场打分。`,
      venue,
      startAt,
      endAt: startAt + 5 * HOUR,
      signupDeadline: startAt - 2 * DAY,
      capacity: 60,
      credits: 2,
      audienceTowns: [],
      status: 'published',
      createdBy: 'u-o1',
      createdAt: startAt - 20 * DAY,
      checkinSecret: newCheckinSecret(),
    })
    registrations[id] = secretaries.map((u) => {
      const n = Number(u.id.slice(3))
      seq += 1
      // Mostly present; a few late, on leave or absent (absent is derived on read: stored pending).
      const pick = (n * 5 + q * 3) % 13
      const attendance: RegistrationRecord['attendance'] = pick === 0 ? 'leave' : pick === 1 || pick === 2 ? 'pending' : pick === 3 ? 'late' : 'present'
      return {
        eventId: id,
        userId: u.id,
        status: 'registered',
        seq,
        attendance,
        ...(attendance === 'present' || attendance === 'late' ? { checkedInAt: startAt + (attendance === 'late' ? 25 : -10) * 60_000 } : {}),
        ...(attendance === 'leave' ? { leaveReason: '村里有紧急事务，已向镇党委请假' } : {}),
        createdAt: startAt - 10 * DAY + n * 60_000,
        audit: [],
      }
    })
  })
  return { events, registrations, seq }
}
