import { MIANZHU_TOWN_AREAS, MIANZHU_TOWNS } from '@/api/contract/towns'
import { TOWNS } from '../../mock/seed'

describe('the towns of Mianzhu (one list in the contract)', () => {
  it('should list the 14 towns and streets once each, in the city order, each in a 片区', () => {
    expect(MIANZHU_TOWNS).toHaveLength(14)
    expect(new Set(MIANZHU_TOWNS).size).toBe(14)
    expect(MIANZHU_TOWNS[0]).toBe('剑南街道')
    expect(new Set(MIANZHU_TOWN_AREAS.map((t) => t.area))).toEqual(new Set(['城区片区', '山区片区', '山前片区', '坝区片区']))
  })

  it('should be the list the mock seeds, every town with villages', () => {
    expect(TOWNS.map((t) => t.town)).toEqual([...MIANZHU_TOWNS])
    expect(TOWNS.map((t) => t.area)).toEqual(MIANZHU_TOWN_AREAS.map((t) => t.area))
    for (const t of TOWNS) expect(t.villages.length).toBeGreaterThan(0)
  })
})
