import { describe, expect, it } from 'vitest'
import { parseFilter, tokens, type ItemFacts } from './filter'

const lantern: ItemFacts = {
  name: 'The Last Lantern', type: 'Hand Cannon', tier: 'Exotic', bucket: 'Kinetic Weapons', classType: 3,
  search: 'the last lantern hand cannon exotic kinetic weapons any class kinetic', locked: true, equipped: false,
  classified: false, power: 2010, damage: 'Kinetic',
}
const helm: ItemFacts = {
  name: 'Veritas Mask', type: 'Helmet', tier: 'Legendary', bucket: 'Helmet', classType: 1,
  search: 'veritas mask helmet legendary helmet hunter', locked: false, equipped: true, classified: false,
  power: 1998, damage: '',
}
const classified: ItemFacts = {
  name: 'Classified', type: 'Classified', tier: 'Classified', bucket: 'Classified', classType: 3,
  search: 'classified classified classified classified any class', locked: true, equipped: false, classified: true,
  power: 0, damage: '',
}
const all = [lantern, helm, classified]
const names = (query: string) => all.filter(parseFilter(query)).map((i) => i.name)

describe('the board filter', () => {
  it('keeps everything for an empty query', () => {
    expect(names('')).toHaveLength(3)
    expect(names('   ')).toHaveLength(3)
  })

  it('matches free words anywhere, ignoring case, all of them', () => {
    expect(names('lantern')).toEqual(['The Last Lantern'])
    expect(names('HUNTER mask')).toEqual(['Veritas Mask'])
    expect(names('lantern mask')).toEqual([])
  })

  it('understands is: for tiers, states, damage and kinds', () => {
    expect(names('is:exotic')).toEqual(['The Last Lantern'])
    expect(names('is:locked')).toEqual(['The Last Lantern', 'Classified'])
    expect(names('is:equipped')).toEqual(['Veritas Mask'])
    expect(names('is:kinetic')).toEqual(['The Last Lantern'])
    expect(names('is:weapon')).toEqual(['The Last Lantern'])
    expect(names('is:armor')).toEqual(['Veritas Mask'])
    expect(names('is:classified')).toEqual(['Classified'])
  })

  it('understands tier, type with quotes, class, bucket and power', () => {
    expect(names('tier:legendary')).toEqual(['Veritas Mask'])
    expect(names('type:"hand cannon"')).toEqual(['The Last Lantern'])
    expect(names('class:hunter')).toEqual(['Veritas Mask'])
    expect(names('bucket:helmet')).toEqual(['Veritas Mask'])
    expect(names('power:>2000')).toEqual(['The Last Lantern'])
    expect(names('power:<2000')).toEqual(['Veritas Mask'])
    expect(names('power:1998')).toEqual(['Veritas Mask'])
    expect(names('power:lots')).toEqual([])
  })

  it('negates a term with a minus', () => {
    expect(names('-is:exotic')).toEqual(['Veritas Mask', 'Classified'])
    expect(names('-"last lantern"')).toEqual(['Veritas Mask', 'Classified'])
  })

  it('treats an unknown key as free text', () => {
    expect(names('foo:bar')).toEqual([])
    expect(tokens('type:"hand cannon" is:exotic  "last lantern"')).toEqual(['type:hand cannon', 'is:exotic', 'last lantern'])
  })
})
