import { RISK_LEVELS, type RiskLevel } from '../model/schemas/risk.ts';
import type { Badge } from './view.ts';

/** A level's place on the scale, 1 (very low) to 5 (very high). */
export const levelValue = (level: RiskLevel) => RISK_LEVELS.indexOf(level) + 1;

/** A level as readers write it: `very-high` → `Very high`. */
export const levelLabel = (level: string) => (level.charAt(0).toUpperCase() + level.slice(1)).replace(/-/g, ' ');

/** How serious a risk is, from likelihood × impact (1 to 25), the same in the register, its heat map and its page. */
export function riskRating(likelihood: RiskLevel, impact: RiskLevel): { score: number; rating: Badge } {
  const score = levelValue(likelihood) * levelValue(impact);
  const rating: Badge =
    score >= 15
      ? { text: 'critical', variant: 'danger' }
      : score >= 8
        ? { text: 'high', variant: 'caution' }
        : score >= 4
          ? { text: 'medium', variant: 'note' }
          : { text: 'low', variant: 'default' };
  return { score, rating };
}
