const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** 1180 → "1,180". */
export function formatCount(value: number): string {
  return counts.format(value)
}

/** Axis ticks: exact below 10,000 ("1,180"), then short ("12K", "1.2M"). */
export function formatAxisCount(value: number): string {
  return Math.abs(value) < 10_000 ? counts.format(value) : compact.format(value)
}

// Fixed English names: Intl's en-GB says "Sept" in some browsers, "Sep" in others.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2026-11-20T02:00:00Z" → "20 Nov 2026", in UTC like the server-rendered pages; unreadable input as it is. */
export function formatDay(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** A short axis label: "20 Nov", or "20 Nov '26" when the runs shown span more than one year. */
export function formatShortDay(iso: string, withYear = false): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`
  return withYear ? `${day} '${String(date.getUTCFullYear()).slice(-2)}` : day
}

/** Whether the instants fall in more than one (UTC) year. */
export function spansYears(isos: string[]): boolean {
  const years = new Set(isos.map((iso) => new Date(iso).getUTCFullYear()).filter((year) => !Number.isNaN(year)))
  return years.size > 1
}

const fixed = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const twoDecimals = fixed(2)
const oneDecimal = fixed(1)
const upToOneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })
const upToTwoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** A test's duration: 0.412 → "0.41 s", 12.34 → "12.3 s", 1234 → "1,234 s", 0.004 → "4 ms". */
export function formatSeconds(seconds: number): string {
  if (!(seconds > 0)) return '0 s'
  if (seconds < 0.01) return `${upToOneDecimal.format(seconds * 1000)} ms`
  if (seconds < 9.995) return `${twoDecimals.format(seconds)} s`
  if (seconds < 99.95) return `${oneDecimal.format(seconds)} s`
  return `${counts.format(seconds)} s`
}

export type DurationUnit = 's' | 'ms'

/** Milliseconds when every duration is under a second, else seconds. */
export function durationUnit(maxSeconds: number): DurationUnit {
  return maxSeconds < 1 ? 'ms' : 's'
}

/** A duration axis tick (value in seconds): "250 ms", or "1.5 s". */
export function formatDurationTick(seconds: number, unit: DurationUnit): string {
  return unit === 'ms' ? `${counts.format(seconds * 1000)} ms` : `${upToTwoDecimals.format(seconds)} s`
}

/**
 * A rate (0..1) in tenths of a percent, as shown: rounded down, so that 99.96% with a failure
 * is not shown as 100%, and never 0 while something passed.
 */
export function rateTenths(rate: number): number {
  if (rate >= 1) return 1000
  if (!(rate > 0)) return 0
  return Math.min(999, Math.max(1, Math.floor(rate * 1000 + 1e-9)))
}

/** Tenths of a percent as text: 997 → "99.7%", 1000 → "100%", 0 → "0%". */
export function formatTenths(tenths: number): string {
  return tenths === 1000 || tenths === 0 ? `${tenths / 10}%` : `${oneDecimal.format(tenths / 10)}%`
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Whitespace (line breaks of a stack trace message, say) collapsed to single spaces, cut to `max` characters with "…". */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim()) // code points: never split an emoji
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('')
}

/**
 * Breaks a label into lines of at most `maxChars` for a tooltip, preferably after ": " and " — ",
 * else between words, keeping "(2 flaky)" together; a word longer than a line is cut.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  maxChars = Math.max(8, Math.floor(maxChars))
  const lines: string[] = []
  let line = ''
  const append = (piece: string) => (line ? `${line} ${piece}` : piece)
  for (const part of text.split(/(?<=: | — )/).map((p) => p.trim())) {
    if (append(part).length <= maxChars) {
      line = append(part)
      continue
    }
    if (line) lines.push(line) // a part that does not fit after the line starts a new one
    line = ''
    for (const word of part.match(/\([^()]*\)|\S+/g) ?? []) {
      if (append(word).length <= maxChars) {
        line = append(word)
        continue
      }
      if (line) lines.push(line)
      line = word
      while (line.length > maxChars) {
        lines.push(line.slice(0, maxChars))
        line = line.slice(maxChars)
      }
    }
  }
  if (line) lines.push(line)
  return lines
}
