import { View } from '@tarojs/components'

/** Stub while the page is being built. */
export default function Page() {
  return <View />
}
