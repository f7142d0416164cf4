import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { QUESTION_KIND_LABELS, type Attempt, type Exam } from '@/api/contract/exam'
import { getAttempt, getExam } from '@/api/exams'
import { useLoad } from '@/shared/hooks/use-load'
import { formatDateTime } from '@/shared/lib/dates'
import { openPage, replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { isRight, keysShown, modulePercent } from '../lib/paper'
import './exams.css'

const STATUS_LABEL: Record<Attempt['status'], string> = { in_progress: '答题中', submitted: '已交卷', expired: '时间到，已按保存的答案计分' }

/** Back to 考试: the page below when it is there (the usual way in), else opened afresh (a shared link). */
function backToExams() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else replacePage(ROUTES.exams)
}

/** The result of one attempt: score, passed, score per module as bars, and (once allowed) the review. */
export function AttemptResult({ attemptId }: { attemptId: string }) {
  const loaded = useLoad(() => getAttempt(attemptId).then((a) => getExam(a.examId).then((exam) => ({ attempt: a, exam }))), [attemptId])
  if (loaded.status === 'loading' && !loaded.data) return <LoadingState rows={3} label='正在加载成绩…' />
  if (!loaded.data) return <ErrorState message={loaded.error ?? ''} onRetry={() => void loaded.reload()} />
  return <ResultView attempt={loaded.data.attempt} exam={loaded.data.exam} />
}

function ResultView({ attempt, exam }: { attempt: Attempt; exam: Exam }) {
  if (attempt.status === 'in_progress') {
    return (
      <View className='zs-card'>
        <Text className='zs-title'>这次答题还没有结束</Text>
        <AppButton block onTap={() => openPage(`${ROUTES.examPaper}?attemptId=${encodeURIComponent(attempt.id)}`)}>
          继续答题
        </AppButton>
      </View>
    )
  }
  const shown = keysShown(attempt)
  return (
    <View>
      <View className='zs-card'>
        <Text className='zs-muted ex-line'>{exam.title}</Text>
        <View className='ex-score'>
          <Text className='ex-score__big'>{attempt.score ?? 0}</Text>
          <Text> 分 / 100 分</Text>
        </View>
        <Text className={`ex-verdict ${attempt.passed ? 'ex-verdict--pass' : 'ex-verdict--fail'}`}>
          {attempt.passed ? `通过（${exam.passScore} 分及格）` : `未通过（${exam.passScore} 分及格）`}
        </Text>
        <Text className='zs-muted ex-line'>{STATUS_LABEL[attempt.status]}</Text>
        {exam.purpose === 'qualification' && exam.attemptsLeft ? <Text className='ex-line'>本场还可考 {exam.attemptsLeft} 次。</Text> : null}
      </View>
      <View className='zs-card'>
        <Text className='zs-title'>各模块得分</Text>
        {(attempt.moduleScores ?? []).map((m) => {
          const pct = modulePercent(m)
          return (
            <View key={m.module} className='ex-module'>
              <View className='ex-module__head'>
                <Text>{m.module}</Text>
                <Text>
                  {m.score} / {m.max} 分{pct < 60 ? ' · 建议加强' : ''}
                </Text>
              </View>
              <View className='ex-bar-track' aria-hidden>
                <View className={`ex-bar-fill${pct < 60 ? ' ex-bar-fill--weak' : ''}`} style={{ width: `${pct}%` }} />
              </View>
            </View>
          )
        })}
        <Text className='zs-muted ex-line'>低于 60% 的模块，首页会推荐相关的强村讲堂。</Text>
      </View>
      {shown ? (
        <View className='zs-card'>
          <Text className='zs-title'>答案与解析</Text>
          {attempt.questions.map((q, i) => {
            const given = attempt.answers[q.id]
            const right = isRight(given, q.answer)
            return (
              <View key={q.id} className='ex-review'>
                <Text className='ex-line'>
                  {i + 1}. [{QUESTION_KIND_LABELS[q.kind]}] {q.stem}
                </Text>
                <Text className={right ? 'ex-right' : 'ex-wrong'}>
                  {right ? '✓ 答对' : '✗ 答错'} · 您的答案：{given?.length ? given.join('') : '未答'} · 正确答案：{(q.answer ?? []).join('')}
                </Text>
                {q.explanation ? <Text className='zs-muted ex-line'>解析：{q.explanation}</Text> : null}
              </View>
            )
          })}
        </View>
      ) : (
        <View className='zs-card'>
          <Text className='zs-muted'>答案和解析在考试结束后（{formatDateTime(exam.closesAt)}）公布，届时在这里查看。</Text>
        </View>
      )}
      <AppButton block variant='secondary' onTap={backToExams}>
        返回考试列表
      </AppButton>
    </View>
  )
}
