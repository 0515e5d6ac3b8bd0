/** Benchmarks print one `name: value unit` line per figure. */
export function report(name: string, value: number, unit: string): void {
  const rounded = Number.isInteger(value) ? value : Number(value.toPrecision(4));
  console.log(`${name}: ${rounded} ${unit}`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Heap in use after full collections; needs node --expose-gc. */
export function settleHeap(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('Run benchmarks with node --expose-gc (npm run bench does).');
  for (let i = 0; i < 3; i++) collect();
  return process.memoryUsage().heapUsed;
}
