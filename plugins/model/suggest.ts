import { distance } from 'fastest-levenshtein';
import { compare } from './diagnostics.ts';

/**
 * The candidate closest to `value` by edit distance, when it is close enough to be a
 * plausible typo: at most a third of the longer string, and never more than 4 edits.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const score = distance(needle, candidate.toLowerCase());
    const limit = Math.min(4, Math.max(1, Math.floor(Math.max(value.length, candidate.length) / 3)));
    if (score > limit) continue;
    if (score < bestScore || (score === bestScore && best !== undefined && compare(candidate, best) < 0)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** ` (did you mean 'x'?)`, or nothing. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closest(value, candidates);
  return match === undefined ? '' : ` (did you mean '${match}'?)`;
}
