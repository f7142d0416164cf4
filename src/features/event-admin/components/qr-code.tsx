import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrRuns } from '../lib/checkin-code'
import { pxScale } from '../platform/px-scale'

/**
 * A QR code drawn with Views (one box per run of same-colour modules), so it renders the same on
 * weapp and H5 without canvas; cells are whole real pixels so rows join without seams.
 */
export function QrCode({ text, size = 232, label }: { text: string; size?: number; label: string }) {
  const qr = useMemo(() => qrRuns(text), [text])
  const cell = Math.max(2, Math.floor((size * pxScale()) / qr.size))
  const quiet = cell * 4
  return (
    <View className='ea-code__qr' role='img' aria-label={label} style={{ padding: `${quiet}px` }}>
      {qr.rows.map((runs, r) => (
        <View key={r} className='ea-qr__row' style={{ height: `${cell}px` }}>
          {runs.map((run, i) => (
            <View key={i} className={run.dark ? 'ea-qr__run--dark' : undefined} style={{ width: `${run.length * cell}px`, height: `${cell}px` }} />
          ))}
        </View>
      ))}
    </View>
  )
}
