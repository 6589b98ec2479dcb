/**
 * The board's filter language, in the spirit of Destiny Item Manager's search: free words match name, type, tier,
 * slot, class and damage type; `is:exotic`, `is:locked`, `is:equipped`, `is:solar`, `is:weapon`, `is:classified`;
 * `tier:legendary`, `type:"hand cannon"`, `bucket:helmet`, `class:hunter`, `name:…`, `power:>2000`; `-` negates a
 * term. All terms must match.
 */
export interface ItemFacts {
  name: string
  type: string
  tier: string
  bucket: string
  classType: number
  search: string
  locked: boolean
  equipped: boolean
  classified: boolean
  power: number
  damage: string
}

export type ItemPredicate = (item: ItemFacts) => boolean

const CLASSES: Record<string, number> = { titan: 0, hunter: 1, warlock: 2 }
const WEAPON_BUCKETS = ['kinetic weapons', 'energy weapons', 'power weapons']
const ARMOUR_BUCKETS = ['helmet', 'gauntlets', 'chest armor', 'leg armor', 'class armor']

/** Splits on spaces, keeping "quoted phrases" (also after a key, as in type:"hand cannon") together. */
export function tokens(query: string): string[] {
  const found: string[] = []
  const pattern = /(-?)(\w+:)?"([^"]*)"?|(\S+)/g
  for (const match of query.matchAll(pattern)) {
    if (match[4] !== undefined) found.push(match[4])
    else found.push(`${match[1]}${match[2] ?? ''}${match[3]}`)
  }
  return found.map((t) => t.toLowerCase()).filter((t) => t !== '' && t !== '-')
}

export function parseFilter(query: string): ItemPredicate {
  const terms = tokens(query).map(term)
  return (item) => terms.every((t) => t(item))
}

function term(token: string): ItemPredicate {
  if (token.startsWith('-') && token.length > 1) {
    const inner = term(token.slice(1))
    return (item) => !inner(item)
  }
  const colon = token.indexOf(':')
  if (colon > 0) {
    const key = token.slice(0, colon)
    const value = token.slice(colon + 1)
    const keyed = keyedTerm(key, value)
    if (keyed) return keyed
  }
  return (item) => item.search.includes(token)
}

function keyedTerm(key: string, value: string): ItemPredicate | null {
  switch (key) {
    case 'is':
      return isTerm(value)
    case 'tier':
    case 'rarity':
      return (item) => item.tier.toLowerCase().startsWith(value)
    case 'type':
      return (item) => item.type.toLowerCase().includes(value)
    case 'bucket':
    case 'slot':
      return (item) => item.bucket.toLowerCase().includes(value)
    case 'name':
      return (item) => item.name.toLowerCase().includes(value)
    case 'class':
      return value in CLASSES ? (item) => item.classType === CLASSES[value] : () => false
    case 'damage':
    case 'element':
      return (item) => item.damage.toLowerCase() === value
    case 'power':
      return powerTerm(value)
    default:
      return null
  }
}

function isTerm(value: string): ItemPredicate {
  switch (value) {
    case 'locked':
      return (item) => item.locked
    case 'unlocked':
      return (item) => !item.locked
    case 'equipped':
      return (item) => item.equipped
    case 'classified':
      return (item) => item.classified
    case 'weapon':
      return (item) => WEAPON_BUCKETS.includes(item.bucket.toLowerCase())
    case 'armor':
    case 'armour':
      return (item) => ARMOUR_BUCKETS.includes(item.bucket.toLowerCase())
    case 'titan':
    case 'hunter':
    case 'warlock':
      return (item) => item.classType === CLASSES[value]
    default:
      return (item) => item.tier.toLowerCase() === value || item.damage.toLowerCase() === value
        || item.type.toLowerCase() === value
  }
}

function powerTerm(value: string): ItemPredicate {
  const match = /^(>=|<=|>|<|=)?(\d+)$/.exec(value)
  if (!match) return () => false
  const limit = Number(match[2])
  switch (match[1]) {
    case '>': return (item) => item.power > limit
    case '>=': return (item) => item.power >= limit
    case '<': return (item) => item.power > 0 && item.power < limit
    case '<=': return (item) => item.power > 0 && item.power <= limit
    default: return (item) => item.power === limit
  }
}

function className(classType: number): string {
  return ['titan', 'hunter', 'warlock'][classType] ?? 'any class'
}

/** Reads a tile's facts from its data attributes. */
export function factsOf(tile: HTMLElement): ItemFacts {
  const d = tile.dataset
  return {
    name: d.name ?? '',
    type: d.type ?? '',
    tier: d.tier ?? '',
    bucket: d.bucket ?? '',
    classType: Number(d.classType ?? 3),
    search: [d.name, d.type, d.tier, d.bucket, className(Number(d.classType ?? 3)), d.damage]
      .filter(Boolean).join(' ').toLowerCase(),
    locked: d.locked === 'true',
    equipped: d.equipped === 'true',
    classified: d.classified === 'true',
    power: Number(d.power ?? 0),
    damage: d.damage ?? '',
  }
}
