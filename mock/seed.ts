import { chinaDayStart } from '../src/api/contract/time'
import {
  newCheckinSecret,
  type DbState,
  type EventRecord,
  type NotificationRecord,
  type RegistrationRecord,
  type UserRecord,
} from './db'
import { seedCommitmentYear, seedLastYearEvents } from './seed-commitments'
import { seedExams } from './seed-exams'
import { seedHonours, seedThemeMonthEvents } from './seed-honours'
import { MIANZHU_TOWN_AREAS, type MianzhuTown } from '../src/api/contract/towns'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/** The villages (communities) the seed uses in each town. */
const SEED_VILLAGES: Record<MianzhuTown, string[]> = {
  剑南街道: ['城北社区', '南轩社区', '紫岩社区', '玉妃社区'],
  孝德镇: ['年画村', '射箭台村', '齐天村', '金土村'],
  东北街道: ['三溪社区', '永安社区'],
  西南街道: ['龙蟠社区', '八角社区'],
  汉旺镇: ['武都村', '青龙村', '双泉村', '天齐社区'],
  清平镇: ['棋盘村', '盐井村', '园艺村'],
  天池镇: ['云西村', '天池村', '清泉村'],
  九龙镇: ['同林村', '清泉村', '山川村', '双泉村'],
  遵道镇: ['棚花村', '双泉村', '清泉村'],
  土门镇: ['林泉村', '麓溪村', '黄金村'],
  广济镇: ['金花村', '西林村', '青岗村'],
  新市镇: ['石虎村', '泉兴村', '龙泉村'],
  齐福镇: ['中心村', '团结村', '光明村'],
  富新镇: ['庙子村', '五星村', '永丰村'],
}

/** Towns and streets of Mianzhu (the contract's list) with their 片区 and the villages the seed uses. */
export const TOWNS: { town: string; area: string; villages: string[] }[] = MIANZHU_TOWN_AREAS.map(({ town, area }) => ({
  town,
  area,
  villages: SEED_VILLAGES[town],
}))

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何罗高林'
const GIVEN = ['建国', '秀英', '志强', '桂芳', '德明', '红梅', '永贵', '晓燕', '国华', '春兰', '文斌', '淑珍',
  '家兴', '玉兰', '长青', '海燕', '世荣', '素芬', '光明', '丽萍']

/** 40 secretaries (13800000001–40) spread over the towns, 3 organisers (13900000001–3). */
function seedUsers(): UserRecord[] {
  const users: UserRecord[] = []
  for (let i = 1; i <= 40; i += 1) {
    const place = TOWNS[(i - 1) % TOWNS.length]
    const village = place.villages[Math.floor((i - 1) / TOWNS.length) % place.villages.length]
    users.push({
      id: `u-s${String(i).padStart(2, '0')}`,
      name: SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 3) % GIVEN.length],
      role: 'secretary',
      town: place.town,
      village,
      area: place.area,
      phone: `138${String(i).padStart(8, '0')}`,
    })
  }
  const organisers: [string, string][] = [
    ['市委组织部', '周敏'],
    ['孝德镇', '谢文涛'],
    ['清平镇', '罗晓琴'],
  ]
  organisers.forEach(([town, name], k) => {
    // 市委组织部 manages the whole city (no towns listed); a town's organiser manages that town.
    const scope = { towns: k === 0 ? [] : [town] }
    users.push({ id: `u-o${k + 1}`, name, role: 'organiser', town, phone: `139${String(k + 1).padStart(8, '0')}`, scope })
  })
  return users
}

type EventSeed = Omit<
  EventRecord,
  'startAt' | 'endAt' | 'signupDeadline' | 'createdBy' | 'createdAt' | 'audienceTowns' | 'checkinSecret'
> & {
  /** Days from today (China time) and the hour the event starts. */
  day: number
  hour: number
  hours: number
  /** Sign-up closes this many hours before the start. */
  closeHoursBefore: number
  audienceTowns?: string[]
  /** The organiser who posted it (default u-o1, 市委组织部). */
  createdBy?: string
}

const VENUES = {
  partySchool: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号', lat: 31.3386, lng: 104.2205 },
  nianhua: { name: '孝德镇年画村党群服务中心', address: '绵竹市孝德镇年画村 3 组', lat: 31.3012, lng: 104.1843 },
  qingping: { name: '清平镇棋盘村村委会', address: '绵竹市清平镇棋盘村 1 组', lat: 31.5431, lng: 104.1187 },
  hanwang: { name: '汉旺镇武都村产业园', address: '绵竹市汉旺镇武都村 5 组', lat: 31.4372, lng: 104.1811 },
  tianchi: { name: '天池镇云西村便民服务站', address: '绵竹市天池镇云西村 2 组', lat: 31.4987, lng: 104.0796 },
  zundao: { name: '遵道镇棚花村农业合作社', address: '绵竹市遵道镇棚花村 4 组', lat: 31.3905, lng: 104.1612 },
  xinshi: { name: '新市镇石虎村文化广场', address: '绵竹市新市镇石虎村 6 组', lat: 31.3155, lng: 104.2691 },
  online: { name: '线上（腾讯会议）', address: '会议号在活动开始前发送' },
}

const EVENTS: EventSeed[] = [
  { id: 'evt-lecture-open', type: 'lecture', topics: ['乡村振兴'], title: '强村讲堂：村集体经济“飞地经济”模式解析', description: '邀请市农业农村局讲解“五干一分”“飞地经济”等集体经济发展路径，结合年画村、武都村的实践案例，现场答疑。请携带本村集体经济台账。', speaker: '市农业农村局 陈志刚', venue: VENUES.partySchool, capacity: 80, credits: 2, status: 'published', day: 6, hour: 9, hours: 3, closeHoursBefore: 24 },
  { id: 'evt-lecture-next', type: 'lecture', topics: ['法律法规', '村务实务'], title: '强村讲堂：基层治理“四书模式”化解农房流转纠纷', description: '九龙镇介绍“枫桥式工作法”与“四书模式”，讲解农房流转纠纷的预防与化解流程。', speaker: '九龙镇党委 刘晓东', venue: VENUES.partySchool, capacity: 60, credits: 1.5, status: 'published', day: 13, hour: 14, hours: 2.5, closeHoursBefore: 24 },
  { id: 'evt-lecture-full', type: 'lecture', topics: ['村务实务'], title: '强村讲堂：村级财务规范与“一张表”数字平台操作', description: '村级基础信息统计“一张表”平台实操培训，名额有限，请提前报名。', speaker: '市委组织部 周敏', venue: VENUES.nianhua, capacity: 5, credits: 1, status: 'published', day: 9, hour: 9, hours: 2, closeHoursBefore: 12 },
  { id: 'evt-lecture-closed', type: 'lecture', topics: ['乡村振兴'], title: '强村讲堂：乡村振兴项目申报要点', description: '讲解乡村振兴项目的申报流程、材料准备与常见问题。报名已截止。', speaker: '市发改局 王晓明', venue: VENUES.partySchool, capacity: 100, credits: 2, status: 'published', day: 1, hour: 14, hours: 2, closeHoursBefore: 48 },
  { id: 'evt-lecture-online', type: 'lecture', topics: ['政策理论'], title: '强村讲堂（线上）：党建引领基层治理“十大微改革”', description: '线上讲座，山区书记可在村委会收看，会后提交学习心得。', speaker: '市委党校 杨丽', venue: VENUES.online, capacity: 300, credits: 1, status: 'published', day: 20, hour: 19, hours: 1.5, closeHoursBefore: 6 },
  { id: 'evt-lecture-past1', type: 'lecture', topics: ['村务实务'], title: '强村讲堂：农村集体经济组织财务管理', description: '集体经济组织财务制度、资产管理与公开。', speaker: '市财政局 黄建', venue: VENUES.partySchool, capacity: 80, credits: 2, status: 'published', day: -12, hour: 9, hours: 3, closeHoursBefore: 24 },
  { id: 'evt-lecture-past2', type: 'lecture', title: '强村讲堂：年画产业与乡村旅游融合发展', description: '在年画村现场讲解文旅融合与品牌打造。', speaker: '孝德镇 谢文涛', venue: VENUES.nianhua, capacity: 50, credits: 1.5, status: 'published', day: -30, hour: 14, hours: 2, closeHoursBefore: 24 },
  { id: 'evt-contest-open', type: 'contest', title: '技能比武：村党组织书记履职能力大比武', description: '分项目比拼政策理论、群众工作与项目谋划，赛后评出一、二、三等奖。请选择参赛项目。', venue: VENUES.partySchool, capacity: 40, credits: 3, contestItems: ['政策理论知识竞答', '群众工作情景模拟', '产业项目路演'], status: 'published', day: 16, hour: 9, hours: 6, closeHoursBefore: 72 },
  { id: 'evt-contest-past', type: 'contest', title: '技能比武：矛盾纠纷调处技能比赛', description: '情景模拟调处农房流转、土地承包纠纷。', venue: VENUES.partySchool, capacity: 30, credits: 3, contestItems: ['情景模拟', '案例分析'], status: 'published', day: -20, hour: 9, hours: 5, closeHoursBefore: 48 },
  { id: 'evt-contest-draft', type: 'contest', title: '技能比武：电商直播助农技能赛（筹备中）', description: '方案待定，暂未发布。', venue: VENUES.xinshi, capacity: 30, credits: 2, contestItems: ['直播带货', '短视频制作'], status: 'draft', day: 40, hour: 9, hours: 4, closeHoursBefore: 72 },
  { id: 'evt-exchange-mountain', type: 'exchange', title: '片区交流：山区片区生态产业发展座谈', description: '清平、天池、汉旺、九龙等山区镇书记交流高山蔬菜、林下经济与民宿发展经验。', venue: VENUES.qingping, capacity: 25, credits: 1, audienceTowns: ['清平镇', '天池镇', '汉旺镇', '九龙镇'], status: 'published', day: 8, hour: 10, hours: 3, closeHoursBefore: 24 },
  { id: 'evt-exchange-plain', type: 'exchange', title: '片区交流：坝区片区土地适度规模经营', description: '新市、齐福、富新镇书记交流土地托管与合作社经营。', venue: VENUES.xinshi, capacity: 25, credits: 1, audienceTowns: ['新市镇', '齐福镇', '富新镇'], status: 'published', day: 11, hour: 14, hours: 3, closeHoursBefore: 24 },
  { id: 'evt-exchange-city', type: 'exchange', title: '片区交流：城区社区“社区合伙人”培育经验分享', description: '城区片区社区书记交流“社区合伙人”机制与居民自治。', venue: VENUES.partySchool, capacity: 30, credits: 1, status: 'published', day: 4, hour: 15, hours: 2, closeHoursBefore: 12 },
  { id: 'evt-exchange-past', type: 'exchange', title: '片区交流：山前片区猕猴桃产业链座谈', description: '遵道、土门、广济镇交流猕猴桃种植与销售。', venue: VENUES.zundao, capacity: 25, credits: 1, status: 'published', day: -7, hour: 10, hours: 3, closeHoursBefore: 24 },
  { id: 'evt-exchange-cancelled', type: 'exchange', title: '片区交流：防汛防涝经验交流（已取消）', description: '因天气原因取消，另行通知。', venue: VENUES.hanwang, capacity: 30, credits: 1, status: 'cancelled', cancelReason: '汛期预警，为安全起见取消，另行通知', day: 5, hour: 9, hours: 3, closeHoursBefore: 24 },
  { id: 'evt-field-today', type: 'field', title: '现场拉练：汉旺镇武都村集体经济项目观摩', description: '季度现场拉练评比：实地观摩产业园，各村书记现场汇报。今日进行中。', venue: VENUES.hanwang, capacity: 45, credits: 2, status: 'published', day: 0, hour: -1, hours: 4, closeHoursBefore: 24 },
  { id: 'evt-field-open', type: 'field', title: '现场拉练：遵道镇棚花村农旅融合项目观摩', description: '观摩棚花村农旅融合项目，现场打分评比。统一乘车，8:00 在市委党校集合。', venue: VENUES.zundao, capacity: 45, credits: 2.5, status: 'published', day: 18, hour: 8, hours: 6, closeHoursBefore: 48 },
  { id: 'evt-field-tianchi', type: 'field', title: '现场拉练：天池镇云西村民宿集群观摩', description: '山区片区现场拉练，观摩云西村民宿集群与党群服务中心建设。', venue: VENUES.tianchi, capacity: 35, credits: 2, status: 'published', day: 25, hour: 9, hours: 5, closeHoursBefore: 48 },
  { id: 'evt-field-past1', type: 'field', title: '现场拉练：新市镇石虎村高标准农田观摩', description: '上季度现场拉练评比。', venue: VENUES.xinshi, capacity: 45, credits: 2, status: 'published', day: -45, hour: 9, hours: 5, closeHoursBefore: 48 },
  // One event of each town organiser, for their town alone: what they manage under organiser scope (API.md v1.1).
  { id: 'evt-exchange-xiaode', type: 'exchange', title: '片区交流：孝德镇年画村文旅融合经验分享', description: '孝德镇各村书记交流年画产业、乡村旅游与集体经济增收做法。', venue: VENUES.nianhua, capacity: 20, credits: 1, audienceTowns: ['孝德镇'], createdBy: 'u-o2', status: 'published', day: 27, hour: 14, hours: 2, closeHoursBefore: 24 },
  { id: 'evt-exchange-qingping', type: 'exchange', title: '片区交流：清平镇高山蔬菜产销对接座谈', description: '清平镇各村书记交流高山蔬菜种植、冷链运输与订单销售。', venue: VENUES.qingping, capacity: 20, credits: 1, audienceTowns: ['清平镇'], createdBy: 'u-o3', status: 'published', day: 29, hour: 10, hours: 2, closeHoursBefore: 24 },
  { id: 'evt-field-past2', type: 'field', title: '现场拉练：清平镇棋盘村灾后重建成果观摩', description: '观摩棋盘村产业与人居环境提升。', venue: VENUES.qingping, capacity: 40, credits: 2, status: 'published', day: -60, hour: 9, hours: 5, closeHoursBefore: 48 },
]

/** Builds the seed around `now`: dates are relative to the China-time day of `now`, ids are fixed. */
export function createSeed(now: number): DbState {
  const users = seedUsers()
  const today = chinaDayStart(now)
  const events: EventRecord[] = EVENTS.map((e) => {
    const { day, hour, hours, closeHoursBefore, audienceTowns, createdBy, ...rest } = e
    // "today" events start an hour before now, rounded to the half hour, so check-in is open.
    const startAt =
      day === 0 && hour < 0 ? Math.floor((now + hour * HOUR) / (HOUR / 2)) * (HOUR / 2) : today + day * DAY + hour * HOUR
    return {
      ...rest,
      startAt,
      endAt: startAt + hours * HOUR,
      signupDeadline: startAt - closeHoursBefore * HOUR,
      audienceTowns: audienceTowns ?? [],
      createdBy: createdBy ?? 'u-o1',
      createdAt: Math.min(now, startAt) - 20 * DAY,
      checkinSecret: newCheckinSecret(),
    }
  })
  events.push(...seedThemeMonthEvents(now))
  let seq = 0
  const registrations: Record<string, RegistrationRecord[]> = {}
  const register = (
    eventId: string,
    userNos: number[],
    init: Partial<RegistrationRecord> = {},
    attendanceOf?: (no: number) => RegistrationRecord['attendance'],
  ) => {
    const event = events.find((ev) => ev.id === eventId)!
    const list = (registrations[eventId] ??= [])
    for (const no of userNos) {
      seq += 1
      const attendance = attendanceOf?.(no) ?? 'pending'
      list.push({
        eventId,
        userId: `u-s${String(no).padStart(2, '0')}`,
        status: 'registered',
        seq,
        attendance,
        createdAt: event.createdAt + seq * 60_000,
        ...(attendance === 'present' || attendance === 'late'
          ? { checkedInAt: event.startAt + (attendance === 'late' ? 25 : -10) * 60_000 }
          : {}),
        ...(attendance === 'leave' ? { leaveReason: '村里防汛值班，无法参加' } : {}),
        audit: [],
        ...init,
      })
    }
  }
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i)
  // The full event: 5 seats taken, 2 on the waitlist; the demo secretary 01 is not among them.
  register('evt-lecture-full', range(2, 6))
  register('evt-lecture-full', [7, 8], { status: 'waitlisted' })
  register('evt-lecture-next', [1, 3, 9])
  register('evt-contest-open', [4, 10, 11], { contestItems: ['政策理论知识竞答'] })
  register('evt-lecture-closed', range(12, 30))
  register('evt-field-today', [1, ...range(2, 20)], {}, (no) => (no % 5 === 0 ? 'present' : 'pending'))
  register('evt-exchange-cancelled', [5, 18, 32])
  const pastAttendance = (no: number) => (no % 9 === 0 ? 'absent' : no % 7 === 0 ? 'leave' : no % 4 === 0 ? 'late' : 'present')
  register('evt-lecture-past1', range(1, 36), {}, pastAttendance)
  register('evt-lecture-past2', [1, 2, 3, 14, 15, 16, 29, 30], {}, pastAttendance)
  register('evt-contest-past', range(1, 24), { contestItems: ['情景模拟'] }, pastAttendance)
  register('evt-exchange-past', [9, 10, 11, 22, 23, 24, 35, 36, 37], {}, pastAttendance)
  register('evt-field-past1', range(1, 40), {}, pastAttendance)
  register('evt-field-past2', range(5, 38), {}, pastAttendance)
  // Absent is derived on read for finished events; store pending rather than a premature "absent".
  for (const list of Object.values(registrations)) {
    for (const r of list) if (r.attendance === 'absent') r.attendance = 'pending'
  }
  // An organiser's correction, so the roster's audit trail has something to show.
  const past1 = events.find((e) => e.id === 'evt-lecture-past1')!
  const excused = registrations['evt-lecture-past1'].find((r) => r.userId === 'u-s07')!
  excused.audit.push({ by: 'u-o1', at: past1.endAt + DAY, from: 'absent', to: 'leave', note: '会前电话请假，会后补录' })
  // Those who had joined the cancelled exchange were told so.
  const cancelled = events.find((e) => e.id === 'evt-exchange-cancelled')!
  const notifications: NotificationRecord[] = registrations['evt-exchange-cancelled'].map((r, i) => ({
    id: `ntf-seed-${i + 1}`,
    userId: r.userId,
    kind: 'event_cancelled',
    title: '活动已取消',
    body: `您报名的「${cancelled.title}」已取消。原因：${cancelled.cancelReason}`,
    link: `/pages/event-detail/index?id=${cancelled.id}`,
    read: false,
    createdAt: now - 2 * DAY,
  }))
  const lastYear = seedLastYearEvents(now, users, seq)
  events.push(...lastYear.events)
  Object.assign(registrations, lastYear.registrations)
  seq = lastYear.seq
  const { notifications: commitmentNotes, ...commitmentYear } = seedCommitmentYear(now, users)
  notifications.push(...commitmentNotes)
  return {
    version: 1,
    users,
    events,
    registrations,
    sessions: {},
    smsSentAt: {},
    idempotency: {},
    notifications,
    ...commitmentYear,
    ...seedHonours(now, users),
    exams: seedExams(now, users),
    counters: { seq, id: 1000 },
  }
}
