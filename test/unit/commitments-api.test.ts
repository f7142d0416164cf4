import { ApiError } from '@/api/api-error'
import { apiClient } from '@/api/client'
import { countSubmittedCommitments, getMyCommitment } from '@/api/commitments'

jest.mock('@/api/client', () => ({ apiClient: jest.fn() }))
const mockedClient = jest.mocked(apiClient)
const notFound = () => new ApiError({ kind: 'http', status: 404, code: 'NOT_FOUND' })

beforeEach(() => mockedClient.mockReset())

describe('src/api/commitments', () => {
  it('should read a 404 of GET /me/commitments/:year as no sheet yet', async () => {
    mockedClient.mockRejectedValueOnce(notFound())
    await expect(getMyCommitment(2027)).resolves.toBeNull()
    expect(mockedClient).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', path: '/me/commitments/2027' }))
  })

  it('should pass on any other failure of GET /me/commitments/:year', async () => {
    mockedClient.mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    await expect(getMyCommitment(2027)).rejects.toMatchObject({ kind: 'network' })
  })

  it('should count submitted sheets from a one-row page, and explain a missing review list', async () => {
    mockedClient.mockResolvedValueOnce({ items: [], total: 7, page: 1, pageSize: 1 } as never)
    await expect(countSubmittedCommitments(2027)).resolves.toBe(7)
    expect(mockedClient).toHaveBeenCalledWith(expect.objectContaining({ path: '/commitments', query: expect.objectContaining({ year: 2027, status: 'submitted', pageSize: 1 }) }))
    mockedClient.mockRejectedValueOnce(notFound())
    await expect(countSubmittedCommitments(2027)).rejects.toThrow('承诺审核列表暂时打不开，请稍后点“重试”。')
  })
})
