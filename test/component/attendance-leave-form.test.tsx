import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, messageForCode } from '@/api/api-error'
import type { Registration } from '@/api/contract/event'
import { requestLeave } from '@/api/events'
import { leaveReasonKey, useAttendanceStore } from '@/features/attendance/attendance-store'
import { LeaveForm } from '@/features/attendance/components/leave-form'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/events')
const mockedRequestLeave = jest.mocked(requestLeave)

const onLeave: Registration = {
  eventId: 'evt-1',
  userId: 'u-s01',
  status: 'registered',
  attendance: 'leave',
  createdAt: '2026-12-01T09:00:00+08:00',
}

const reasonField = () => screen.getByLabelText('请假理由', { selector: 'textarea' }) as HTMLTextAreaElement
function typeReason(reason: string) {
  fireEvent.input(reasonField(), { target: { value: reason } })
}

async function renderForm(onDone = jest.fn(), onCancel = jest.fn()) {
  render(<LeaveForm eventId='evt-1' onDone={onDone} onCancel={onCancel} />)
  await waitFor(() => expect(screen.getByLabelText('请假理由', { selector: 'textarea' })).toBeTruthy())
  return { onDone, onCancel }
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  useAttendanceStore.setState({ leaveBusy: {}, leaveReasons: {} })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('LeaveForm', () => {
  it('should ask for a reason of at least 2 characters before sending anything', async () => {
    await renderForm()
    fireEvent.click(screen.getByText('提交请假'))
    expect(await screen.findByText('请写明请假理由，至少 2 个字。')).toBeTruthy()
    typeReason('  病 ')
    fireEvent.click(screen.getByText('提交请假'))
    expect(await screen.findByText('请写明请假理由，至少 2 个字。')).toBeTruthy()
    expect(mockedRequestLeave).not.toHaveBeenCalled()
  })

  it('should refuse control characters in the reason before sending', async () => {
    await renderForm()
    typeReason('村里\u0007有事')
    fireEvent.click(screen.getByText('提交请假'))
    expect(await screen.findByText('请假理由里有无法识别的字符，请删掉后再提交。')).toBeTruthy()
    expect(mockedRequestLeave).not.toHaveBeenCalled()
  })

  it('should send a valid reason trimmed, keep it for the detail page and report the new registration', async () => {
    mockedRequestLeave.mockResolvedValue(onLeave)
    const { onDone } = await renderForm()
    typeReason('  村里防汛值班，无法参加 ')
    fireEvent.click(screen.getByText('提交请假'))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(onLeave))
    expect(mockedRequestLeave).toHaveBeenCalledWith('evt-1', '村里防汛值班，无法参加', expect.any(String))
    expect(useAttendanceStore.getState().leaveReasons[leaveReasonKey('u-s01', 'evt-1')]).toBe('村里防汛值班，无法参加')
  })

  it('should say why the server refused, in plain words', async () => {
    mockedRequestLeave.mockRejectedValue(new ApiError({ kind: 'http', status: 409, code: 'TOO_LATE_TO_CANCEL', message: messageForCode('TOO_LATE_TO_CANCEL') }))
    const { onDone } = await renderForm()
    typeReason('家里有急事')
    fireEvent.click(screen.getByText('提交请假'))
    expect(await screen.findByText(/活动已经开始/)).toBeTruthy()
    expect(onDone).not.toHaveBeenCalled()
  })

  it('should retry a leave request that failed on the network with the same Idempotency-Key', async () => {
    mockedRequestLeave.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(onLeave)
    const { onDone } = await renderForm()
    typeReason('家里有急事')
    fireEvent.click(screen.getByText('提交请假'))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('提交请假'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(mockedRequestLeave.mock.calls[1][2]).toBe(mockedRequestLeave.mock.calls[0][2])
  })

  it('should close without sending when the user changes their mind', async () => {
    const { onCancel } = await renderForm()
    fireEvent.click(screen.getByText('不请假了'))
    expect(onCancel).toHaveBeenCalled()
    expect(mockedRequestLeave).not.toHaveBeenCalled()
  })
})
