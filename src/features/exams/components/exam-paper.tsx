import { Text, View } from '@tarojs/components'
import Taro, { useDidHide } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { QUESTION_KIND_LABELS, type Attempt } from '@/api/contract/exam'
import { getAttempt, reportLeftApp, startAttempt, submitAttempt } from '@/api/exams'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { createId } from '@/shared/lib/id'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { pendingOf, useAnswersStore } from '../answers-store'
import { formatCountdown, mergeAnswers, remainingMs, submitSummary, toggleChoice, unansweredNumbers } from '../lib/paper'
import { hidePaperFromCapture } from '../platform/capture-guard'
import './exams.css'

type SaveState = 'saved' | 'saving' | 'offline'
// Unsent answers are tried again this often while the page is open.
const RETRY_MS = 10_000

/** Opens the attempt of `?attemptId=`, or starts (or resumes) one at `?examId=`. */
function openAttempt(target: { examId?: string; attemptId?: string }): Promise<Attempt> {
  if (target.attemptId) return getAttempt(target.attemptId)
  const examId = target.examId!
  return sendKeyed(`exam-start:${examId}`, null, (key) => startAttempt(examId, key))
}

/** Taking an exam: one question per screen, the server's deadline counting down, answers saved as chosen. */
export function ExamPaper(target: { examId?: string; attemptId?: string }) {
  const [attempt, setAttempt] = useState<Attempt | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [index, setIndex] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  const [save, setSave] = useState<SaveState>('saved')
  const [submitting, setSubmitting] = useState(false)
  const drafts = useAnswersStore((s) => s.drafts)
  const { choose, flush, drop } = useAnswersStore.getState()
  const finished = useRef(false)

  const load = useCallback(() => {
    setError(null)
    openAttempt(target).then(
      (a) => {
        if (a.status !== 'in_progress') {
          finished.current = true
          drop(a.id)
          replacePage(withQuery(ROUTES.attemptResult, { id: a.id }))
          return
        }
        setAttempt(a)
      },
      (failure: unknown) => setError(toApiError(failure).message),
    )
  }, [target.examId, target.attemptId])
  useEffect(load, [load])

  useEffect(() => hidePaperFromCapture(), [])

  const id = attempt?.id
  /** Sends what the phone holds; an attempt that has ended goes to its result. */
  const push = useCallback(() => {
    if (!id || finished.current) return Promise.resolve(false)
    if (!pendingOf(useAnswersStore.getState().drafts, id)) return Promise.resolve(true)
    setSave('saving')
    return flush(id).then(
      (saved) => {
        // What the server now holds; answers still pending on the phone stay on top of it.
        if (saved) setAttempt((a) => (a && a.id === saved.id ? { ...a, answers: saved.answers } : a))
        setSave(pendingOf(useAnswersStore.getState().drafts, id) ? 'saving' : 'saved')
        return true
      },
      (failure: unknown) => {
        const e = toApiError(failure)
        if (e.code === 'ATTEMPT_EXPIRED') {
          finished.current = true
          drop(id)
          replacePage(withQuery(ROUTES.attemptResult, { id }))
        } else setSave('offline')
        return false
      },
    )
  }, [id])

  // The clock, and a retry of unsent answers while the signal is back.
  useEffect(() => {
    if (!id) return
    const tick = setInterval(() => setNow(Date.now()), 1000)
    const retry = setInterval(() => void push(), RETRY_MS)
    const onNetwork = (res: { isConnected: boolean }) => {
      if (res.isConnected) void push()
    }
    Taro.onNetworkStatusChange(onNetwork)
    return () => {
      clearInterval(tick)
      clearInterval(retry)
      Taro.offNetworkStatusChange?.(onNetwork)
    }
  }, [id, push])

  // At the deadline: send what is left, then show what the server scored.
  const left = attempt ? remainingMs(attempt.deadline, now) : 1
  useEffect(() => {
    if (!attempt || left > 0 || finished.current) return
    finished.current = true
    void flush(attempt.id)
      .catch(() => null)
      .then(() => {
        drop(attempt.id)
        replacePage(withQuery(ROUTES.attemptResult, { id: attempt.id }))
      })
  }, [attempt, left])

  // Leaving the app is counted for the organisers (never used to fail anyone); answers are sent first.
  useDidHide(() => {
    if (!id || finished.current) return
    void push()
    reportLeftApp(id, createId()).catch(() => undefined)
  })

  if (error) return <ErrorState message={error} onRetry={load} />
  if (!attempt) return <LoadingState rows={3} label='正在打开试卷…' />

  const answers = mergeAnswers(attempt.answers, pendingOf(drafts, attempt.id))
  const questions = attempt.questions
  const q = questions[Math.min(index, questions.length - 1)]
  const mine = answers[q.id] ?? []
  const pick = (key: string) => {
    choose(attempt.id, q.id, toggleChoice(q.kind, mine, key))
    void push()
  }
  const handIn = async () => {
    const { confirm } = await Taro.showModal({ title: '交卷', content: submitSummary(questions, answers), confirmText: '交卷', cancelText: '继续答题' })
    if (!confirm) return
    setSubmitting(true)
    const sent = await push()
    if (!sent && !finished.current) {
      setSubmitting(false)
      void Taro.showModal({ title: '暂时不能交卷', content: '网络不通，答案已保存在这台手机上。请到信号好的地方再点“交卷”；计时到点时，按已上传的答案计分。', showCancel: false })
      return
    }
    if (finished.current) return
    try {
      const done = await sendKeyed(`exam-submit:${attempt.id}`, null, (key) => submitAttempt(attempt.id, key))
      finished.current = true
      drop(attempt.id)
      replacePage(withQuery(ROUTES.attemptResult, { id: done.id }))
    } catch (failure) {
      setSubmitting(false)
      void Taro.showToast({ title: toApiError(failure).message.slice(0, 20), icon: 'none' })
    }
  }
  const unanswered = unansweredNumbers(questions, answers).length
  const urgent = left < 5 * 60_000

  return (
    <View className='ex-paper'>
      <View className={`ex-bar${urgent ? ' ex-bar--urgent' : ''}`} role='timer' aria-live={urgent ? 'polite' : 'off'}>
        <Text className='ex-bar__clock'>剩余 {formatCountdown(left)}</Text>
        <View className='ex-bar__save' role='status'>
          <Text>{save === 'offline' ? '离线：答案已存在手机上，联网后自动上传' : save === 'saving' ? '正在保存…' : '答案已保存'}</Text>
        </View>
      </View>
      <View className='zs-card'>
        <Text className='zs-muted ex-line'>
          第 {index + 1} / {questions.length} 题 · {q.module} · {QUESTION_KIND_LABELS[q.kind]}题 · {q.points} 分
          {q.kind === 'multiple' ? ' · 可选多项' : ''}
        </Text>
        <Text className='ex-stem'>{q.stem}</Text>
        <View role={q.kind === 'multiple' ? 'group' : 'radiogroup'} aria-label='选项'>
          {q.options.map((o) => {
            const chosen = mine.includes(o.key)
            return (
              <View
                key={o.key}
                className={`ex-option${chosen ? ' ex-option--chosen' : ''}`}
                {...tappable(q.kind === 'multiple' ? 'checkbox' : 'radio', () => pick(o.key))}
                aria-checked={chosen}
              >
                <Text className='ex-option__key'>{o.key}</Text>
                <Text className='ex-option__text'>{o.text}</Text>
              </View>
            )
          })}
        </View>
        <View className='ex-nav'>
          <AppButton variant='secondary' disabled={index === 0} onTap={() => setIndex(index - 1)}>
            上一题
          </AppButton>
          <AppButton variant='secondary' disabled={index >= questions.length - 1} onTap={() => setIndex(index + 1)}>
            下一题
          </AppButton>
        </View>
      </View>
      <View className='zs-card'>
        <Text className='zs-title'>题目导航</Text>
        <Text className='zs-muted ex-line'>
          已答 {questions.length - unanswered} 题，未答 {unanswered} 题。点题号跳到该题。
        </Text>
        <View className='ex-strip'>
          {questions.map((x, i) => (
            <View
              key={x.id}
              className={`ex-cell${answers[x.id]?.length ? ' ex-cell--done' : ''}${i === index ? ' ex-cell--here' : ''}`}
              {...tappable('button', () => setIndex(i))}
              aria-label={`第 ${i + 1} 题${answers[x.id]?.length ? '，已答' : '，未答'}`}
            >
              <Text>{i + 1}</Text>
            </View>
          ))}
        </View>
      </View>
      <AppButton block loading={submitting} onTap={() => void handIn()}>
        交卷
      </AppButton>
    </View>
  )
}
