import { Input, Text, Textarea, View } from '@tarojs/components'
import { COMMITMENT_CATEGORIES } from '@/api/contract/commitment'
import { fieldLabel } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { Field } from '@/shared/ui/field'
import type { DraftErrors, DraftItem } from '../lib/draft'

const CATEGORY_OPTIONS = COMMITMENT_CATEGORIES.map((c) => ({ value: c as string, label: c }))
const QUARTER_OPTIONS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: `第${q}季度` }))

/** One item of the sheet being written: category, title, measurable target, optional metric, due quarter; 上移/下移/删除. */
export function ItemEditor({
  item,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  item: DraftItem
  index: number
  count: number
  errors?: DraftErrors['items'][number]
  onChange: (patch: Partial<DraftItem>) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
}) {
  const n = index + 1
  return (
    <View className='zs-card' role='group' aria-label={`第 ${n} 项`}>
      <View className='cm-item__head'>
        <Text className='cm-item__title zs-grow'>第 {n} 项</Text>
        <AppButton small variant='secondary' disabled={index === 0} onTap={() => onMove(-1)}>
          上移
        </AppButton>
        <AppButton small variant='secondary' disabled={index === count - 1} onTap={() => onMove(1)}>
          下移
        </AppButton>
        <AppButton small variant='danger' onTap={onRemove}>
          删除
        </AppButton>
      </View>
      <Field label='类别' error={errors?.category}>
        <Chips label={`第 ${n} 项类别`} options={CATEGORY_OPTIONS} value={item.category ?? ''} onChange={(v) => onChange({ category: v as DraftItem['category'] })} />
      </Field>
      <Field label='标题' error={errors?.title}>
        <Input
          className='zs-input'
          value={item.title}
          maxlength={60}
          placeholder='如：发展集体经济项目'
          {...fieldLabel(`第 ${n} 项标题`)}
          onInput={(e) => onChange({ title: e.detail.value })}
        />
      </Field>
      <Field label='可衡量的目标' error={errors?.target}>
        <Textarea
          className='zs-textarea cm-textarea'
          value={item.target}
          maxlength={200}
          autoHeight
          placeholder='如：村集体经济收入达到 20 万元'
          {...fieldLabel(`第 ${n} 项目标`)}
          onInput={(e) => onChange({ target: e.detail.value })}
        />
      </Field>
      <Field label='量化指标（选填）' error={errors?.metric}>
        <View className='zs-row'>
          <Input
            className='zs-input zs-grow'
            type='digit'
            value={item.metricTarget}
            placeholder='目标值，如 20'
            {...fieldLabel(`第 ${n} 项目标值`)}
            onInput={(e) => onChange({ metricTarget: e.detail.value })}
          />
          <Input
            className='zs-input zs-grow'
            value={item.metricUnit}
            maxlength={10}
            placeholder='单位，如 万元'
            {...fieldLabel(`第 ${n} 项单位`)}
            onInput={(e) => onChange({ metricUnit: e.detail.value })}
          />
        </View>
      </Field>
      <Field label='完成季度' error={errors?.dueQuarter}>
        <Chips label={`第 ${n} 项完成季度`} options={QUARTER_OPTIONS} value={String(item.dueQuarter ?? '')} onChange={(v) => onChange({ dueQuarter: Number(v) })} />
      </Field>
    </View>
  )
}
