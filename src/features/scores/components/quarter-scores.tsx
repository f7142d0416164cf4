import { Input, Picker, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { reviewScoreBodySchema, type QuarterScoreRow } from '@/api/contract/score'
import { MIANZHU_TOWNS } from '@/api/contract/towns'
import { fieldLabel, tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { FieldError } from '@/shared/ui/field'
import { getQuarterScores, saveQuarterScore } from '@/api/scores'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { currentQuarter, recentYears } from '../lib/year-options'
import './scores.css'

const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: `第${q}季度` }))

/** One secretary's score entry: its own input, validation, save and saved/failed state. */
export function ScoreRow({ year, quarter, row }: { year: number; quarter: number; row: QuarterScoreRow }) {
  const [score, setScore] = useState(row.score === null ? '' : String(row.score))
  const [comment, setComment] = useState(row.comment ?? '')
  const [phase, setPhase] = useState<'idle' | 'saving' | 'saved' | 'failed'>(row.score === null ? 'idle' : 'saved')
  const [error, setError] = useState('')
  const [canRetry, setCanRetry] = useState(false)
  const name = row.user.name

  const save = async () => {
    const body = { score: score.trim() === '' ? Number.NaN : Number(score), comment: comment.trim() || undefined }
    const checked = reviewScoreBodySchema.safeParse(body)
    if (score.trim() === '' || !checked.success) {
      setError(score.trim() === '' ? '请填写 0–100 的分数' : (checked.error?.issues[0]?.message ?? '请检查分数'))
      setPhase('failed')
      return
    }
    setError('')
    setPhase('saving')
    try {
      await sendKeyed(`score:${year}:${quarter}:${row.user.id}`, body, (key) => saveQuarterScore(year, quarter, row.user.id, body, key))
      setPhase('saved')
    } catch (failure) {
      const apiError = toApiError(failure)
      // 重试 sends the same action again (same key) where it may have reached the server.
      setCanRetry(apiError.retriable)
      setError(`保存失败：${Object.values(apiError.fields)[0] ?? apiError.message}`)
      setPhase('failed')
    }
  }

  const edited = () => {
    if (phase === 'saved' || phase === 'failed') setPhase('idle')
    setError('')
  }
  return (
    <View className='zs-card' role='group' aria-label={name}>
      <View className='zs-row'>
        <View className='zs-grow'>
          <Text className='zs-title'>{name}</Text>
          <Text className='zs-muted'>{row.user.village ?? row.user.town}</Text>
        </View>
        {phase === 'saved' ? <Text className='sc-saved'>已保存</Text> : null}
      </View>
      <View className='zs-row'>
        <Input
          className='zs-input'
          type='digit'
          value={score}
          placeholder='分数 0–100'
          {...fieldLabel(`${name}的分数`)}
          onInput={(e) => {
            setScore(e.detail.value)
            edited()
          }}
        />
        <AppButton small loading={phase === 'saving'} onTap={() => void save()}>
          {phase === 'failed' && canRetry ? '重试' : '保存'}
        </AppButton>
      </View>
      <Input
        className='zs-input'
        value={comment}
        maxlength={500}
        placeholder='评语（选填）'
        {...fieldLabel(`${name}的评语`)}
        onInput={(e) => {
          setComment(e.detail.value)
          edited()
        }}
      />
      <FieldError error={error} />
    </View>
  )
}

/** 季度评分: choose year, quarter and town; each secretary is scored 0–100 and saved one by one. */
export function QuarterScores({ defaultTown }: { defaultTown?: string }) {
  const [years] = useState(recentYears)
  const [year, setYear] = useState(years[0].value)
  const [quarter, setQuarter] = useState(String(currentQuarter()))
  const [townIndex, setTownIndex] = useState(() => Math.max(0, MIANZHU_TOWNS.findIndex((t) => t === defaultTown)))
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; rows: QuarterScoreRow[]; error?: string }>({ status: 'loading', rows: [] })
  const ticket = useRef(0)
  const town = MIANZHU_TOWNS[townIndex]

  const load = useCallback(async () => {
    const mine = ++ticket.current
    setState({ status: 'loading', rows: [] })
    try {
      const page = await getQuarterScores(Number(year), Number(quarter), town)
      if (mine === ticket.current) setState({ status: 'ready', rows: page.items })
    } catch (failure) {
      if (mine === ticket.current) setState({ status: 'error', rows: [], error: toApiError(failure).message })
    }
  }, [year, quarter, town])
  useEffect(() => {
    void load()
  }, [load])

  return (
    <View>
      <Chips label='年份' options={years} value={year} onChange={setYear} />
      <Chips label='季度' options={QUARTERS} value={quarter} onChange={setQuarter} />
      <Picker mode='selector' range={[...MIANZHU_TOWNS]} value={townIndex} onChange={(e) => setTownIndex(Number(e.detail.value))}>
        <View className='zs-input zs-row' {...tappable('button')}>
          <Text className='zs-visually-hidden'>镇（街道）</Text>
          <Text className='zs-grow'>{town}</Text>
          <Text aria-hidden='true'>▾</Text>
        </View>
      </Picker>
      <Text className='zs-muted'>每位书记的分数单独保存，0–100 分，可到 0.5 分。</Text>
      {state.status === 'loading' ? <LoadingState rows={3} label='正在加载书记名单…' /> : null}
      {state.status === 'error' ? <ErrorState message={state.error ?? ''} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && state.rows.length === 0 ? <EmptyState title={`${town}没有书记`} hint='换一个镇（街道）看看。' /> : null}
      {state.status === 'ready'
        ? state.rows.map((row) => <ScoreRow key={`${year}-${quarter}-${row.user.id}`} year={Number(year)} quarter={Number(quarter)} row={row} />)
        : null}
    </View>
  )
}
