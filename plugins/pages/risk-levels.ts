import { RISK_LEVELS, type RiskLevel } from '../model/schemas/risk.ts';
import type { Badge } from './view.ts';

/** A level's place on the scale, 1 (very low) to 5 (very high). */
export const levelValue = (level: RiskLevel) => RISK_LEVELS.indexOf(level) + 1;

/** A level as readers write it: `very-high` → `Very high`. */
export const levelLabel = (level: string) => (level.charAt(0).toUpperCase() + level.slice(1)).replace(/-/g, ' ');

/** The ratings, from the most serious, each with the lowest likelihood × impact score that earns it. */
export const RATING_SCALE: readonly { readonly from: number; readonly rating: Badge; readonly scores: string }[] = [
  { from: 15, rating: { text: 'critical', variant: 'danger' }, scores: '15–25' },
  { from: 8, rating: { text: 'high', variant: 'caution' }, scores: '8–14' },
  { from: 4, rating: { text: 'medium', variant: 'note' }, scores: '4–7' },
  { from: 1, rating: { text: 'low', variant: 'default' }, scores: '1–3' },
];

/** How serious a risk is, from likelihood × impact (1 to 25), the same in the register, its heat map and its page. */
export function riskRating(likelihood: RiskLevel, impact: RiskLevel): { score: number; rating: Badge } {
  const score = levelValue(likelihood) * levelValue(impact);
  return { score, rating: RATING_SCALE.find((r) => score >= r.from)!.rating };
}
