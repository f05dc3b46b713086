// One SVG with four bar panels, so the figures can be taken in at a glance.
const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;")
const fmt = (x) => Math.round(x).toLocaleString("en-US")

const panel = (x, y, title, unit, rows, highlight) => {
  const width = 440
  const max = Math.max(...rows.map(([, v]) => v))
  const bars = rows.map(([label, value], i) => {
    const w = Math.max(2, (value / max) * 250)
    const by = y + 34 + i * 26
    const fill = label.startsWith(highlight) ? "#2b6cb0" : "#a0aec0"
    return `<text x="${x}" y="${by + 13}" font-size="12">${escape(label)}</text>` +
      `<rect x="${x + 110}" y="${by}" width="${w.toFixed(1)}" height="18" fill="${fill}"/>` +
      `<text x="${x + 116 + w}" y="${by + 13}" font-size="12">${fmt(value)}</text>`
  }).join("")
  return `<text x="${x}" y="${y + 16}" font-size="14" font-weight="bold">${escape(title)}</text>` +
    `<text x="${x + width - 10}" y="${y + 16}" font-size="11" text-anchor="end" fill="#4a5568">${escape(unit)}</text>` + bars
}

export const chart = ({ cpu, throughput, streaming, emulator }) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="940" height="330" font-family="sans-serif">` +
  `<rect width="100%" height="100%" fill="white"/>` +
  panel(20, 10, "Client CPU per GetConversation, c=64", "µs/op, lower is better", cpu, "sunco") +
  panel(480, 10, "GetConversation throughput, c=64", "ops/s, higher is better", throughput, "sunco") +
  panel(20, 170, "Streaming 100,000 conversations", "conversations/s", streaming, "sunco") +
  panel(480, 170, "Emulator vs Prism (autocannon, 64 conns)", "req/s", emulator, "emulator") +
  `</svg>\n`
