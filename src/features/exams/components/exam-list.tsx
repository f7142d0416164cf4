import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { staleMessage } from '@/api/api-error'
import type { AttemptSummary, Exam } from '@/api/contract/exam'
import { listExams, listMyAttempts } from '@/api/exams'
import { useLoad } from '@/shared/hooks/use-load'
import { formatDateTime } from '@/shared/lib/dates'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'
import { StaleNotice } from '@/shared/ui/stale-notice'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { bestAttempt, examStanding } from '../lib/paper'
import './exams.css'

const STATUS_LABEL: Record<AttemptSummary['status'], string> = { in_progress: '答题中', submitted: '已交卷', expired: '到时自动交卷' }

/** Asks before a timed start: the clock runs from the first tap and does not stop. */
async function confirmStart(exam: Exam, attemptsLeft: number | null): Promise<boolean> {
  const questions = exam.blueprint.reduce((n, l) => n + l.count, 0)
  const left = attemptsLeft === null ? '不限次数' : `本场还可考 ${attemptsLeft} 次`
  const { confirm } = await Taro.showModal({
    title: exam.purpose === 'practice' ? '开始练习' : '开始考试',
    content: `共 ${questions} 题，限时 ${exam.durationMinutes} 分钟，${exam.passScore} 分及格；${left}。开始后计时不停，退出也在计时，答案会随时保存。`,
    confirmText: '开始',
    cancelText: '再等等',
  })
  return confirm
}

/** 考试: the exams open to the secretary, with attempts left, resume, and their own results. */
export function ExamList() {
  const loaded = useLoad(() => Promise.all([listExams(), listMyAttempts()]), [])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void loaded.reload()
    shown.current = true
  })
  if (loaded.status === 'loading' && !loaded.data) return <LoadingState rows={2} label='正在加载考试…' />
  if (loaded.status === 'error' && !loaded.data) return <ErrorState message={loaded.error ?? ''} onRetry={() => void loaded.reload()} />
  const [exams, mine] = loaded.data!
  if (exams.items.length === 0) return <EmptyState title='现在没有考试' hint='任职资格测试和练习发布后会显示在这里，首页也会提醒。' />
  const now = Date.now()
  return (
    <View>
      {loaded.status === 'error' ? <StaleNotice message={staleMessage(loaded.failure)} onRetry={() => void loaded.reload()} /> : null}
      {exams.items.map((exam) => (
        <ExamCard key={exam.id} exam={exam} mine={mine.items.filter((a) => a.examId === exam.id)} now={now} />
      ))}
    </View>
  )
}

function ExamCard({ exam, mine, now }: { exam: Exam; mine: AttemptSummary[]; now: number }) {
  const standing = examStanding(exam, mine, now)
  const best = bestAttempt(exam.id, mine)
  const begin = async (attemptsLeft: number | null) => {
    if (await confirmStart(exam, attemptsLeft)) openPage(withQuery(ROUTES.examPaper, { examId: exam.id }))
  }
  return (
    <View className='zs-card ex-card'>
      <Text className='zs-title'>{exam.title}</Text>
      <Text className='zs-muted ex-line'>
        {exam.purpose === 'practice' ? '练习 · 不计成绩' : '任职资格测试'} · {exam.durationMinutes} 分钟 · {exam.passScore} 分及格
      </Text>
      <Text className='ex-line'>
        {formatDateTime(exam.opensAt)} 至 {formatDateTime(exam.closesAt)}
      </Text>
      {exam.maxAttempts !== null ? (
        <Text className='ex-line'>
          已考 {exam.myAttempts ?? 0} 次，还可考 {exam.attemptsLeft ?? 0} 次
        </Text>
      ) : null}
      {best ? (
        <Text className='ex-line'>
          最好成绩 <Text className='ex-strong'>{best.score} 分</Text> · {best.passed ? '通过' : '未通过'}
        </Text>
      ) : null}
      {standing.kind === 'resume' ? (
        <AppButton block onTap={() => openPage(withQuery(ROUTES.examPaper, { attemptId: standing.attemptId }))}>
          继续答题（计时未停）
        </AppButton>
      ) : null}
      {standing.kind === 'open' ? (
        <AppButton block onTap={() => void begin(standing.attemptsLeft)}>
          {mine.length ? '再考一次' : exam.purpose === 'practice' ? '开始练习' : '开始考试'}
        </AppButton>
      ) : null}
      {standing.kind === 'upcoming' ? <Text className='zs-muted ex-line'>{formatDateTime(exam.opensAt)} 开考，届时首页会提醒。</Text> : null}
      {standing.kind === 'used-up' ? <Text className='zs-muted ex-line'>次数已用完。如需补考，请联系镇党委组织委员。</Text> : null}
      {standing.kind === 'closed' ? <Text className='zs-muted ex-line'>考试已结束，可以查看答案和解析。</Text> : null}
      {mine
        .filter((a) => a.status !== 'in_progress')
        .map((a) => (
          <View key={a.id} className='ex-attempt'>
            <Text className='zs-grow'>
              {formatDateTime(a.startedAt)} · {STATUS_LABEL[a.status]} · {a.score ?? '—'} 分
            </Text>
            <AppButton small variant='secondary' onTap={() => openPage(withQuery(ROUTES.attemptResult, { id: a.id }))} label={`查看 ${formatDateTime(a.startedAt)} 的成绩`}>
              查看
            </AppButton>
          </View>
        ))}
    </View>
  )
}
