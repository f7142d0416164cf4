describe('subscribe-message templates from the build', () => {
  const load = async (value: string | undefined) => {
    const saved = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS
    if (value === undefined) delete process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS
    else process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS = value
    let ids: readonly string[] = []
    await jest.isolateModulesAsync(async () => {
      ids = (await import('@/features/events/lib/subscribe-config')).SIGNUP_SUBSCRIBE_TEMPLATE_IDS
    })
    if (saved === undefined) delete process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS
    else process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS = saved
    return ids
  }

  it('should ask for no template when the build names none', async () => {
    expect(await load(undefined)).toEqual([])
    expect(await load('')).toEqual([])
  })

  it('should read a comma-separated list, ignoring spaces and empty entries', async () => {
    expect(await load(' tmpl-a, tmpl-b ,')).toEqual(['tmpl-a', 'tmpl-b'])
  })
})
