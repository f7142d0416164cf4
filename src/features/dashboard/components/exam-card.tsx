import { Text, View } from '@tarojs/components'
import { getRecommendations, listHomeExams, type HomeExam } from '@/api/exams-home'
import { useLoad } from '@/shared/hooks/use-load'
import { formatDateTime, formatRemaining } from '@/shared/lib/dates'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { DashLink } from './dash-card'

/** The exams a secretary can take now: open, published, attempts left (or unlimited practice). */
export function openExams(exams: readonly HomeExam[], now: number): HomeExam[] {
  return exams
    .filter((e) => Date.parse(e.opensAt) <= now && now < Date.parse(e.closesAt) && (e.attemptsLeft === null || e.attemptsLeft === undefined || e.attemptsLeft > 0))
    .sort((a, b) => (a.purpose === b.purpose ? Date.parse(a.closesAt) - Date.parse(b.closesAt) : a.purpose === 'qualification' ? -1 : 1))
}

/**
 * 首页's 考试 card: an open qualification exam and its deadline, and the 强村讲堂 recommended after a
 * weak module. Shows nothing when there is neither, and nothing when it cannot load (首页 stays usable).
 */
export function ExamCard({ now }: { now: number }) {
  const loaded = useLoad(() => Promise.all([listHomeExams(), getRecommendations()]), [])
  if (!loaded.data) return null
  const [exams, recommended] = loaded.data
  const open = openExams(exams.items, now).filter((e) => e.purpose === 'qualification')
  if (open.length === 0 && recommended.items.length === 0) return null
  return (
    <View className='zs-card db-card'>
      <Text className='db-card__title'>考试</Text>
      {open.map((e) => (
        <DashLink
          key={e.id}
          text={`${e.title}${e.myAttempts ? ` · 已考 ${e.myAttempts} 次` : ''}`}
          detail={`${formatDateTime(e.closesAt)} 截止（${formatRemaining(e.closesAt, now)}）${e.attemptsLeft ? ` · 还可考 ${e.attemptsLeft} 次` : ''}`}
          onTap={() => openPage(ROUTES.exams)}
        />
      ))}
      {recommended.items.length ? <Text className='db-link__detail'>根据最近一次测试，{recommended.modules.join('、')}得分偏低，推荐参加：</Text> : null}
      {recommended.items.map((e) => (
        <DashLink key={e.id} text={e.title} detail={formatDateTime(e.startAt)} onTap={() => openPage(withQuery(ROUTES.eventDetail, { id: e.id }))} />
      ))}
    </View>
  )
}
