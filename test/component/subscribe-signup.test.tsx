import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Registration } from '@/api/contract/event'
import { getEvent, registerForEvent } from '@/api/events'
import { EventDetail } from '@/features/events/components/event-detail'
import { useEventsStore } from '@/features/events/events-store'
import { createEvent } from '../support/events'
import { forgetKeyedAttempts } from '../support/attempts'

// The weapp file stands in for the default one, with a template configured.
jest.mock('@/features/events/platform/subscribe', () => jest.requireActual('@/features/events/platform/subscribe.weapp'))
jest.mock('@/features/events/lib/subscribe-config', () => ({ SIGNUP_SUBSCRIBE_TEMPLATE_IDS: ['tmpl-waitlist'], SUBSCRIBE_WAIT_MS: 15_000 }))
jest.mock('@/api/events')
const mockedGetEvent = jest.mocked(getEvent)
const mockedRegister = jest.mocked(registerForEvent)

const registration: Registration = { eventId: 'evt-1', userId: 'u-s01', status: 'registered', attendance: 'pending', createdAt: new Date().toISOString() }
let subscribe: jest.SpyInstance
let toast: jest.SpyInstance

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  useEventsStore.setState({ byId: {}, busy: {} })
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  mockedGetEvent.mockResolvedValue(createEvent())
  mockedRegister.mockResolvedValue(registration)
  subscribe = jest.spyOn(Taro, 'requestSubscribeMessage')
})

describe('subscribe message on 报名 (weapp)', () => {
  it('should ask for the subscribe message from the 报名 tap, before the sign-up is sent', async () => {
    const order: string[] = []
    subscribe.mockImplementation(async () => {
      order.push('subscribe')
      return { errMsg: 'requestSubscribeMessage:ok', 'tmpl-waitlist': 'accept' }
    })
    mockedRegister.mockImplementation(async () => {
      order.push('register')
      return registration
    })
    render(<EventDetail id='evt-1' />)
    expect(subscribe).not.toHaveBeenCalled()
    fireEvent.click(await screen.findByText('报名'))
    await waitFor(() => expect(mockedRegister).toHaveBeenCalledTimes(1))
    expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-waitlist'] }))
    expect(order).toEqual(['subscribe', 'register'])
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' }))
  })

  it('should still sign up when the secretary refuses', async () => {
    subscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-waitlist': 'reject' })
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('报名'))
    await waitFor(() => expect(mockedRegister).toHaveBeenCalledWith('evt-1', expect.any(String), undefined))
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' }))
  })

  it('should still sign up when asking fails or throws', async () => {
    subscribe.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20004 })
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('报名'))
    await waitFor(() => expect(mockedRegister).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' }))
  })

  it('should sign up after a while when the dialog never answers', async () => {
    jest.useFakeTimers()
    try {
      subscribe.mockReturnValue(new Promise(() => undefined))
      render(<EventDetail id='evt-1' />)
      fireEvent.click(await screen.findByText('报名'))
      expect(mockedRegister).not.toHaveBeenCalled()
      await act(async () => {
        jest.advanceTimersByTime(15_000)
      })
      expect(mockedRegister).toHaveBeenCalledTimes(1)
    } finally {
      jest.useRealTimers()
    }
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' }))
  })
})
