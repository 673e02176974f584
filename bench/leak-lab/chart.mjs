// The memory curves of variants (a)-(c): a terminal chart (asciichart) and an SVG (vega-lite
// compiled to a vega spec, rendered headless by vega.View with renderer 'none').
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import asciichart from 'asciichart';

const MiB = 1024 * 1024;

export const LABELS = {
  a: '(a) strong parent, nothing cached',
  b: '(b) strong parent, one child per tree cached',
  c: '(c) WeakRef parent (codemod), one child per tree cached',
};

/** Heap used in MiB per iteration, iteration 0 being the baseline before the loop. */
export function seriesOf(result) {
  return [result.baseline, ...result.rows.map((row) => row.heapUsed)].map((bytes) => bytes / MiB);
}

export function terminalChart(results, { color = false, height = 14 } = {}) {
  const variants = Object.keys(results);
  const palette = { a: asciichart.green, b: asciichart.red, c: asciichart.blue };
  const plot = asciichart.plot(
    variants.map((v) => seriesOf(results[v])),
    {
      height,
      colors: color ? variants.map((v) => palette[v]) : undefined,
      format: (x) => `${x.toFixed(0).padStart(6)} MiB `,
    },
  );
  const legend = variants
    .map((v) => `${color ? palette[v] : ''}───${color ? asciichart.reset : ''} ${LABELS[v]}`)
    .join('   ');
  return `${plot}\n${' '.repeat(12)}x: iteration 0 (baseline) … ${results[variants[0]].rows.length}\n${' '.repeat(12)}${legend}`;
}

export function vegaLiteSpec(results, subtitle) {
  const values = Object.entries(results).flatMap(([variant, result]) =>
    seriesOf(result).map((heapMiB, iteration) => ({
      variant: LABELS[variant],
      iteration,
      heapMiB: Math.round(heapMiB * 10) / 10,
    })),
  );
  return {
    title: { text: 'Heap used after a forced GC, per iteration', subtitle },
    width: 560,
    height: 300,
    background: 'white',
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'iteration',
        type: 'quantitative',
        title: 'iteration (0 = baseline)',
        axis: { tickMinStep: 1, format: 'd' },
      },
      y: { field: 'heapMiB', type: 'quantitative', title: 'heapUsed (MiB)' },
      color: {
        field: 'variant',
        type: 'nominal',
        title: null,
        scale: { domain: Object.values(LABELS), range: ['#2ca02c', '#d62728', '#1f77b4'] },
        legend: { orient: 'bottom', direction: 'vertical', labelLimit: 1000 },
      },
    },
  };
}

export async function renderSvg(results, subtitle) {
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const { spec } = compile(vegaLiteSpec(results, subtitle));
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function writeSvg(results, path, subtitle) {
  const svg = await renderSvg(results, subtitle);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${svg}\n`);
  return svg;
}
