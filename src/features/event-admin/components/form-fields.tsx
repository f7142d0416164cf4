import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { fieldLabel, tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Field } from '@/shared/ui/field'
import { canChooseLocation, chooseLocation } from '../platform/choose-location'
import type { PickedPlace } from '../lib/picked-place'
import { MIANZHU_TOWNS } from '@/api/contract/towns'

/** A date and a time picked separately (China time), each a large tap target. */
export function DateTimeField({
  label,
  date,
  time,
  error,
  onChange,
}: {
  label: string
  date: string
  time: string
  error?: string
  onChange: (next: { date: string; time: string }) => void
}) {
  return (
    <Field label={label} error={error}>
      <View className='zs-row'>
        <Picker className='ea-picker' mode='date' value={date} onChange={(e) => onChange({ date: String(e.detail.value), time })}>
          <View className={`ea-picker__value${date ? '' : ' ea-picker__value--empty'}`} {...tappable('button')}>
            <Text className='zs-visually-hidden'>{`${label} 日期 `}</Text>
            {date || '选择日期'}
          </View>
        </Picker>
        <Picker className='ea-picker' mode='time' value={time} onChange={(e) => onChange({ date, time: String(e.detail.value) })}>
          <View className={`ea-picker__value${time ? '' : ' ea-picker__value--empty'}`} {...tappable('button')}>
            <Text className='zs-visually-hidden'>{`${label} 时间 `}</Text>
            {time || '选择时间'}
          </View>
        </Picker>
      </View>
    </Field>
  )
}

/** 学时 in steps of 0.5, from 0 to 40. */
export function CreditsStepper({ value, error, onChange }: { value: number; error?: string; onChange: (value: number) => void }) {
  const step = (delta: number) => onChange(Math.min(40, Math.max(0, Math.round((value + delta) * 2) / 2)))
  return (
    <Field label='学时' error={error} hint='每次增减 0.5 学时，出席或迟到的书记计入学时。'>
      <View className='ea-stepper'>
        <AppButton small variant='secondary' label='减少 0.5 学时' disabled={value <= 0} onTap={() => step(-0.5)}>
          −
        </AppButton>
        <Text className='ea-stepper__value'>
          <Text className='zs-visually-hidden'>学时 </Text>
          {value}
        </Text>
        <AppButton small variant='secondary' label='增加 0.5 学时' disabled={value >= 40} onTap={() => step(0.5)}>
          ＋
        </AppButton>
      </View>
    </Field>
  )
}

/**
 * Several-choice chips of the 14 towns; none chosen means every town. A town organiser (`scope` not
 * empty) is offered only their own towns and no 全市 (API.md v1.1 organiser scope).
 */
export function TownPicker({
  value,
  error,
  scope = [],
  onChange,
}: {
  value: string[]
  error?: string
  scope?: readonly string[]
  onChange: (towns: string[]) => void
}) {
  const toggle = (town: string) => onChange(value.includes(town) ? value.filter((t) => t !== town) : [...value, town])
  const city = scope.length === 0
  const towns = city ? MIANZHU_TOWNS : MIANZHU_TOWNS.filter((t) => scope.includes(t))
  const hint = value.length
    ? `已选 ${value.length} 个，只有这些镇（街道）的书记能看到并报名。`
    : city
      ? '不选 = 全市书记都能报名。'
      : '请至少选择一个你管理的镇（街道）。'
  return (
    <Field label='面向镇（街道）' error={error} hint={hint}>
      <View className='zs-chips' role='group' aria-label='面向镇（街道）'>
        {city ? (
          <View
            {...tappable('checkbox', () => onChange([]))}
            aria-checked={value.length === 0}
            className={`ea-check${value.length === 0 ? ' ea-check--on' : ''}`}
          >
            全市
          </View>
        ) : null}
        {towns.map((town) => {
          const on = value.includes(town)
          return (
            <View key={town} {...tappable('checkbox', () => toggle(town))} aria-checked={on} className={`ea-check${on ? ' ea-check--on' : ''}`}>
              {town}
            </View>
          )
        })}
      </View>
    </Field>
  )
}

/** The contest items of a 技能比武: one input per item, add and remove, at most 10. */
export function ContestItemsEditor({ value, error, onChange }: { value: string[]; error?: string; onChange: (items: string[]) => void }) {
  return (
    <Field label='比赛项目' error={error} hint='书记报名时从这些项目中选择，1–10 项，每项最多 30 个字。'>
      {value.map((item, index) => (
        <View key={index} className='zs-row ea-item-row'>
          <Input
            className='zs-input zs-grow'
            value={item}
            maxlength={30}
            placeholder={`第 ${index + 1} 个项目名称`}
            {...fieldLabel(`比赛项目 ${index + 1}`)}
            onInput={(e) => onChange(value.map((v, i) => (i === index ? e.detail.value : v)))}
          />
          <AppButton small variant='danger' label={`删除比赛项目 ${index + 1}`} onTap={() => onChange(value.filter((_, i) => i !== index))}>
            删除
          </AppButton>
        </View>
      ))}
      {value.length < 10 ? (
        <AppButton variant='secondary' block onTap={() => onChange([...value, ''])}>
          添加比赛项目
        </AppButton>
      ) : null}
    </Field>
  )
}

/**
 * Optional venue coordinates, for the 1 km check-in geofence: 选择位置 on the map (weapp), or
 * latitude and longitude typed in (H5, or when the map cannot open).
 */
export function LocationField({
  lat,
  lng,
  error,
  onChange,
}: {
  lat: string
  lng: string
  error?: string
  onChange: (next: { lat: string; lng: string; place?: PickedPlace }) => void
}) {
  const [manual, setManual] = useState(!canChooseLocation)
  const [problem, setProblem] = useState('')
  const pick = async () => {
    setProblem('')
    try {
      const place = await chooseLocation()
      if (place) onChange({ lat: place.lat.toFixed(6), lng: place.lng.toFixed(6), place })
    } catch {
      setProblem('无法打开地图选点（可能未允许使用位置），请直接填写纬度和经度。')
      setManual(true)
    }
  }
  const has = Boolean(lat || lng)
  return (
    <Field label='位置坐标' optional error={error || problem} hint='填写后，书记签到时须在活动地点 1 公里内。'>
      {canChooseLocation ? (
        <View className='zs-row ea-item-row'>
          <Text className='zs-grow'>{has ? `纬度 ${lat}，经度 ${lng}` : '未设置'}</Text>
          <AppButton small variant='secondary' onTap={() => void pick()}>
            选择位置
          </AppButton>
          {has ? (
            <AppButton small variant='plain' onTap={() => onChange({ lat: '', lng: '' })}>
              清除
            </AppButton>
          ) : null}
        </View>
      ) : null}
      {manual ? (
        <View className='zs-row'>
          <Input
            className='zs-input zs-grow'
            type='digit'
            value={lat}
            placeholder='纬度，如 31.338'
            {...fieldLabel('纬度')}
            onInput={(e) => onChange({ lat: e.detail.value, lng })}
          />
          <Input
            className='zs-input zs-grow'
            type='digit'
            value={lng}
            placeholder='经度，如 104.220'
            {...fieldLabel('经度')}
            onInput={(e) => onChange({ lat, lng: e.detail.value })}
          />
        </View>
      ) : null}
    </Field>
  )
}
