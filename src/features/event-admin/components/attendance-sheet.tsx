import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { memo, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { attendanceOverrideBodySchema, type RosterRow } from '@/api/contract/event'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { Tag } from '@/shared/ui/tag'
import { fieldLabel } from '@/shared/ui/a11y'
import { overrideAttendance, type AttendanceOverride } from '@/api/roster'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { ATTENDANCE_LABELS, ATTENDANCE_TONES, attendanceErrorMessage, auditLine, checkinTimeLabel, statusLabel } from '../lib/roster'
import { Field } from '@/shared/ui/field'

const CHOICES: AttendanceOverride[] = ['present', 'late', 'leave', 'absent']
const SAVING_SHOWN_AFTER_MS = 150

/**
 * False for the first frame of a component, true from the next one. Taro's H5 Textarea measures its
 * lines when it mounts with a few dozen forced layouts (a quarter of the sheet's cost at 4× CPU
 * throttling), so the sheet paints first and its note box follows a frame later.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // rAF runs before the frame is painted; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return painted
}

/** The person, their registration and the whole audit trail: rendered again only when the row changes. */
const SheetDetails = memo(function SheetDetails({ row, eventStart }: { row: RosterRow; eventStart?: string }) {
  const { user } = row
  return (
    <>
      <Text className='ea-sheet__title'>{user.name}</Text>
      <Text className='ea-card__line'>
        {[user.town, user.village].filter(Boolean).join(' ')} · {user.phone}
      </Text>
      <View className='zs-row ea-item-row'>
        <Tag tone={row.status === 'registered' ? 'green' : row.status === 'waitlisted' ? 'orange' : 'grey'}>{statusLabel(row)}</Tag>
        <Tag tone={ATTENDANCE_TONES[row.attendance]}>{ATTENDANCE_LABELS[row.attendance]}</Tag>
        <Text className='zs-muted'>{checkinTimeLabel(row.checkedInAt, eventStart)}</Text>
      </View>
      {row.contestItems?.length ? <Text className='ea-card__line'>比赛项目：{row.contestItems.join('、')}</Text> : null}
      {row.leaveReason ? <Text className='ea-card__line'>请假原因：{row.leaveReason}</Text> : null}

      <Text className='ea-section-title'>出勤修改记录</Text>
      {row.audit.length ? (
        <View className='ea-audit'>
          {row.audit.map((entry, index) => (
            <View key={index}>
              <Text className='ea-audit__item'>{auditLine(entry)}</Text>
              {entry.note ? <Text className='ea-audit__note'>备注：{entry.note}</Text> : null}
            </View>
          ))}
        </View>
      ) : (
        <Text className='zs-hint'>还没有人工修改过。</Text>
      )}
    </>
  )
})

/**
 * One person of the roster in a bottom sheet: details, the whole audit trail (who, when, from → to,
 * note), and the manual override of attendance with a note.
 */
export function AttendanceSheet({
  eventId,
  row,
  eventStart,
  onClose,
  onSaved,
}: {
  eventId: string
  row: RosterRow
  eventStart?: string
  onClose: () => void
  onSaved: (row: RosterRow) => void
}) {
  const [choice, setChoice] = useState<AttendanceOverride | null>(row.attendance === 'pending' ? null : row.attendance)
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  // `busy` guards against a second tap at once; `saving` shows 处理中… only once the answer is slow.
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)
  const noteReady = useAfterFirstPaint()
  const { user } = row

  const save = async () => {
    if (busy.current) return
    if (!choice) {
      setError('请选择出席、迟到、请假或缺勤。')
      return
    }
    const parsed = attendanceOverrideBodySchema.safeParse({ attendance: choice, note })
    if (!parsed.success) {
      setError(`备注${parsed.error.issues[0]?.message ?? '填写有误'}`)
      return
    }
    busy.current = true
    if (error) setError('')
    // A quick answer closes the sheet without a flash of 处理中… (and without rendering the sheet again first).
    const slow = setTimeout(() => setSaving(true), SAVING_SHOWN_AFTER_MS)
    try {
      const updated = await sendKeyed(`attendance:${eventId}:${user.id}`, parsed.data, (key) =>
        overrideAttendance(eventId, user.id, parsed.data.attendance, parsed.data.note ?? '', key),
      )
      onSaved(updated)
      void Taro.showToast({ title: `已改为${ATTENDANCE_LABELS[updated.attendance]}`, icon: 'success' })
      onClose()
    } catch (failure) {
      setError(attendanceErrorMessage(toApiError(failure)))
    } finally {
      clearTimeout(slow)
      busy.current = false
      setSaving(false)
    }
  }

  return (
    <View className='ea-sheet' onClick={() => (busy.current ? undefined : onClose())}>
      <View className='ea-sheet__panel ea-form' role='dialog' aria-label={`${user.name}的出勤`} onClick={(e) => e.stopPropagation()}>
        <SheetDetails row={row} eventStart={eventStart} />
        {row.status === 'cancelled' ? (
          <Text className='ea-note'>此人已取消报名，不需要标记出勤。</Text>
        ) : (
          <View>
            <Text className='ea-section-title'>标记出勤</Text>
            <View className='zs-chips' role='radiogroup' aria-label='标记出勤'>
              {CHOICES.map((value) => (
                <View
                  key={value}
                  role='radio'
                  aria-checked={choice === value}
                  className={`zs-chip${choice === value ? ' zs-chip--on' : ''}`}
                  onClick={() => setChoice(value)}
                >
                  {ATTENDANCE_LABELS[value]}
                </View>
              ))}
            </View>
            <Field label='备注' optional>
              {noteReady ? (
                <Textarea
                  className='zs-textarea ea-textarea ea-textarea--short'
                  value={note}
                  maxlength={200}
                  placeholder='如：电话确认因病请假'
                  {...fieldLabel('备注')}
                  onInput={(e) => setNote(e.detail.value)}
                />
              ) : (
                // The empty box, the size of the real one, for the sheet's first frame.
                <View className='zs-textarea ea-textarea ea-textarea--short'>
                  <View className='taro-textarea' />
                </View>
              )}
            </Field>
          </View>
        )}
        <Alert className='ea-banner' message={error} />
        <View className='ea-actions'>
          <AppButton variant='secondary' disabled={saving} onTap={() => (busy.current ? undefined : onClose())}>
            关闭
          </AppButton>
          {row.status === 'cancelled' ? null : (
            <AppButton loading={saving} onTap={() => void save()}>
              保存
            </AppButton>
          )}
        </View>
      </View>
    </View>
  )
}
