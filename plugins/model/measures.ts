/**
 * Measures as the service template writes them ("200ms", "99.9%", "500 rps", "5 min") and
 * as requirements set targets ({ value: 200, unit: ms }), brought to one unit per kind so
 * that a target and a service's own figure can be compared.
 */

/** Which way is better for a metric: lower (latency, recovery times, error rate) or higher. */
const LOWER_IS_BETTER = /^(latency|rpo|rto|error_rate)/;
const HIGHER_IS_BETTER = /^(availability|throughput|durability)$/;

const TIME: ReadonlyMap<string, number> = new Map([
  ['us', 0.001],
  ['µs', 0.001],
  ['ms', 1],
  ['s', 1000],
  ['sec', 1000],
  ['second', 1000],
  ['seconds', 1000],
  ['m', 60_000],
  ['min', 60_000],
  ['mins', 60_000],
  ['minute', 60_000],
  ['minutes', 60_000],
  ['h', 3_600_000],
  ['hour', 3_600_000],
  ['hours', 3_600_000],
  ['d', 86_400_000],
  ['day', 86_400_000],
  ['days', 86_400_000],
]);
const RATE: ReadonlyMap<string, number> = new Map([
  ['rps', 1],
  ['req/s', 1],
  ['requests/s', 1],
  ['/s', 1],
  ['tps', 1],
  ['rpm', 1 / 60],
  ['req/min', 1 / 60],
  ['/min', 1 / 60],
]);

/** Which way is better for a metric, when known. */
export function betterDirection(metric: string): 'lower' | 'higher' | undefined {
  return LOWER_IS_BETTER.test(metric) ? 'lower' : HIGHER_IS_BETTER.test(metric) ? 'higher' : undefined;
}

/** A measure in its kind's base unit (ms, per second, percent), or undefined when it is not one. */
export function normalize(value: number, unit: string): { kind: 'time' | 'rate' | 'percent'; value: number } | undefined {
  const u = unit.trim().toLowerCase();
  if (u === '%' || u === 'percent') return { kind: 'percent', value };
  const time = TIME.get(u);
  if (time !== undefined) return { kind: 'time', value: value * time };
  const rate = RATE.get(u);
  if (rate !== undefined) return { kind: 'rate', value: value * rate };
  return undefined;
}

/** "200ms", "99.9 %", "500 rps", "1.5 s" → value and unit; undefined for prose ("best effort"). */
export function parseMeasure(text: string): { value: number; unit: string } | undefined {
  const match = /^\s*(?:[<>≤≥]=?\s*)?(\d+(?:[.,]\d+)?)\s*([a-zµ%/]+(?:\/[a-z]+)?)\s*$/i.exec(text);
  if (!match) return undefined;
  return { value: Number(match[1]!.replace(',', '.')), unit: match[2]! };
}

/**
 * Whether `actual` (a service's own figure) falls short of `target`, for a metric whose
 * better direction is known; undefined when they cannot be compared.
 */
export function fallsShort(metric: string, target: { value: number; unit: string }, actual: string): boolean | undefined {
  const direction = betterDirection(metric);
  if (!direction) return undefined;
  const have = parseMeasure(actual);
  const want = normalize(target.value, target.unit);
  const got = have && normalize(have.value, have.unit);
  if (!want || !got || want.kind !== got.kind) return undefined;
  return direction === 'lower' ? got.value > want.value : got.value < want.value;
}
