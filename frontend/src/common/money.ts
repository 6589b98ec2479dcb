const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })
const noDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** Axis format in millions: 7.825e9 → "$7,825 M", 2.5e6 → "$2.5 M", -1.2e7 → "-$12 M". */
export function formatMillions(value: number): string {
  const millions = Math.abs(value) / 1_000_000
  const text = (millions < 10 ? oneDecimal : noDecimals).format(millions)
  const sign = value < 0 && text !== '0' ? '-' : ''
  return `${sign}$${text} M`
}

/** Exact amount for tooltips: 1500000000 → "$1,500,000,000.00". */
export function formatMoney(value: number): string {
  return dollars.format(value)
}
