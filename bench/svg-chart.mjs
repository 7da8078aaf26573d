// A tiny SVG line chart for the bench modes' curves (no dependency): axes with ticks, one
// polyline per series, a dot and its value at every point, a legend. Sizes span decades
// (50 → 5,000 products, 10,000 → 1,000,000 orders), so x is logarithmic by default.

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function compact(n) {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${trim(n / 1e6)}M`;
  if (abs >= 1e3) return `${trim(n / 1e3)}k`;
  return trim(n);
}
function trim(n) {
  return String(Math.round(n * 100) / 100);
}

/** Round tick values from 0 to at least `max`. */
function linearTicks(max, count = 5) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v <= max + step * 0.001; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks.at(-1) < max) ticks.push(Math.round((ticks.at(-1) + step) * 1e6) / 1e6);
  return ticks;
}

/**
 * `series`: [{ name, points: [[x, y], …] }] (points with a null y are skipped). `logX` (default
 * true) puts x on a log scale, ticks at the points' own x values. `yUnit` follows each label.
 * Returns the SVG text.
 */
export function lineChart({ title, xLabel, yLabel, series, logX = true, yUnit = '', width = 640, height = 360 }) {
  const margin = { top: 40, right: 64, bottom: 56, left: 68 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom - 18 * Math.ceil(series.length / 3);
  const points = series.flatMap((s) => s.points.filter(([, y]) => y !== null && y !== undefined && Number.isFinite(y)));
  const xs = [...new Set(points.map(([x]) => x))].sort((a, b) => a - b);
  const yTicks = linearTicks(Math.max(0, ...points.map(([, y]) => y)));
  const yMax = yTicks.at(-1) || 1;
  // Log scale: a tick at each measured size. Linear (a time series): round ticks from 0.
  const xTicks = logX ? xs : linearTicks(xs.at(-1) ?? 1, 6);
  const [x0, x1] = logX ? (xs.length ? [xs[0], xs.at(-1)] : [1, 10]) : [0, xTicks.at(-1) || 1];
  const fx = (x) => {
    if (x0 === x1) return margin.left + plotW / 2;
    const t = logX ? (Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0)) : (x - x0) / (x1 - x0);
    return margin.left + t * plotW;
  };
  const fy = (y) => margin.top + plotH - (y / yMax) * plotH;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`);
  // Grid and y ticks.
  for (const v of yTicks) {
    const y = fy(v).toFixed(1);
    out.push(`<line x1="${margin.left}" y1="${y}" x2="${margin.left + plotW}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${margin.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escape(compact(v))}</text>`);
  }
  for (const x of xTicks) {
    const px = fx(x).toFixed(1);
    out.push(`<line x1="${px}" y1="${margin.top + plotH}" x2="${px}" y2="${margin.top + plotH + 5}" stroke="#333"/>`);
    out.push(`<text x="${px}" y="${margin.top + plotH + 18}" text-anchor="middle">${escape(compact(x))}</text>`);
  }
  // Axes.
  out.push(`<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotH}" stroke="#333"/>`);
  out.push(`<line x1="${margin.left}" y1="${margin.top + plotH}" x2="${margin.left + plotW}" y2="${margin.top + plotH}" stroke="#333"/>`);
  out.push(`<text x="${margin.left + plotW / 2}" y="${margin.top + plotH + 38}" text-anchor="middle">${escape(xLabel)}${logX ? ' (log scale)' : ''}</text>`);
  out.push(`<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`);
  // Series.
  series.forEach((s, k) => {
    const color = palette[k % palette.length];
    const valid = s.points.filter(([, y]) => y !== null && y !== undefined && Number.isFinite(y));
    if (valid.length > 1) out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${valid.map(([x, y]) => `${fx(x).toFixed(1)},${fy(y).toFixed(1)}`).join(' ')}"/>`);
    for (const [x, y] of valid) {
      out.push(`<circle cx="${fx(x).toFixed(1)}" cy="${fy(y).toFixed(1)}" r="${valid.length > 12 ? 2 : 3.5}" fill="${color}"/>`);
      // A dense series (a time series) would bury its own line under labels.
      if (valid.length <= 12) out.push(`<text x="${(fx(x) + 5).toFixed(1)}" y="${(fy(y) - 7).toFixed(1)}" fill="${color}" font-size="11">${escape(`${compact(y)}${yUnit}`)}</text>`);
    }
    const lx = margin.left + (k % 3) * (plotW / 3);
    const ly = margin.top + plotH + 52 + 18 * Math.floor(k / 3);
    out.push(`<rect x="${lx}" y="${ly - 9}" width="14" height="4" fill="${color}"/>`);
    out.push(`<text x="${lx + 20}" y="${ly - 4}" dominant-baseline="middle">${escape(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
