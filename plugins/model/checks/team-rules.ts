import type { Diagnostic } from '../diagnostics.ts';
import { CODES, type Code } from '../codes.ts';
import type { Element, ElementRef, Model } from '../model.ts';
import { serviceDomain } from '../queries.ts';
import { relationLines, type RelationLine } from '../relation-diff.ts';
import type { Rule, RuleRelation, RulesFile, Selector } from '../rules/schema.ts';
import { didYouMean } from '../suggest.ts';
import type { Locator } from '../yaml-position.ts';
import type { Check, CheckContext } from './context.ts';
import { whereWritten } from './relation-position.ts';

/** The team's rules file, as read (see rules/schema.ts). */
export interface TeamRules {
  readonly data: RulesFile;
  readonly file: string;
  readonly locate: Locator;
}

/** The relation lines (relation-diff.ts) each relation a rule names is. */
const VERBS: Readonly<Record<RuleRelation, string>> = {
  calls: 'calls',
  publishes: 'publishes',
  consumes: 'consumes',
  stores: 'stores data in',
  runs: 'runs',
  owns: 'owns',
  affects: 'affects',
};

/**
 * `team-rule`: every rule of `archsite.rules.yaml`, at the elements that break it: a relation it
 * forbids (at the reference that makes it, where there is one), a field it requires (at the
 * element). Its severity is the rule's own.
 */
export const checkTeamRules: Check = (context) => {
  const rules = context.rules?.data.rules ?? [];
  // Every relation of the model as a line, made once for all the rules that forbid one, and only if one does.
  let lines: RelationLine[] | undefined;
  for (const rule of rules) {
    if (rule.forbid) forbidden(context, rule, rule.forbid, (lines ??= relationLines(context.model)));
    if (rule.require) required(context, rule, rule.require);
  }
};

function forbidden(context: CheckContext, rule: Rule, forbid: NonNullable<Rule['forbid']>, lines: readonly RelationLine[]): void {
  const { model, today } = context;
  for (const line of lines) {
    if (line.verb !== VERBS[forbid.relation]) continue;
    const from = elementOf(model, line.from);
    const to = elementOf(model, line.to);
    if (!from || !to || !matches(model, from, forbid.from, today) || !matches(model, to, forbid.to, today)) continue;
    const { file, at } = whereWritten(context.occurrences, line, from);
    const how = line.how ? ` (${line.how})` : '';
    report(context, rule, file, at, `${line.from.kind} '${line.from.id}' ${line.verb} ${line.to.kind} '${line.to.id}'${how}`);
  }
}

function required(context: CheckContext, rule: Rule, require: NonNullable<Rule['require']>): void {
  const { model, today } = context;
  for (const el of model.elements) {
    if (!matches(model, el, require.where, today) || has(el.data, require.has.split('.'), require.equals)) continue;
    const lacks = require.equals === undefined ? `has no ${require.has}` : `has no ${require.has} of ${String(require.equals)}`;
    report(context, rule, el.source.file, el.source.start, `${el.kind} '${el.id}' ${lacks}`);
  }
}

function report(context: CheckContext, rule: Rule, file: string, at: { line: number; column: number }, what: string): void {
  context.diagnostics.report('team-rule', file, at, `rule '${rule.id}': ${what}: ${rule.description}`, rule.severity);
}

function elementOf(model: Model, ref: ElementRef): Element | undefined {
  return model.byKind[ref.kind].get(ref.id);
}

/** Whether an element is of a selection: every condition it gives holds. */
export function matches(model: Model, el: Element, s: Selector | undefined, today: string | undefined): boolean {
  if (!s) return true;
  const data = el.data as Readonly<Record<string, unknown>>;
  const domain = domainOf(model, el);
  if (s.kind !== undefined && el.kind !== s.kind) return false;
  if (s.id !== undefined && !glob(s.id).test(el.id)) return false;
  if (s.domain !== undefined && domain !== s.domain) return false;
  if (s.domainType !== undefined && (domain === undefined || model.byKind.domain.get(domain)?.data.type !== s.domainType)) return false;
  if (s.owner !== undefined) {
    const owner =
      typeof data.owner === 'string' ? data.owner : domain === undefined ? undefined : model.byKind.domain.get(domain)?.data.owner;
    if (owner !== s.owner) return false;
  }
  if (s.type !== undefined && data.type !== s.type) return false;
  if (s.status !== undefined && data.status !== s.status) return false;
  if (s.olderThan !== undefined && !olderThan(data.date, s.olderThan, today)) return false;
  return true;
}

/** The domain an element is in: a domain's own, a service's, an event's producers'. */
function domainOf(model: Model, el: Element): string | undefined {
  if (el.kind === 'domain') return el.id;
  if (el.kind === 'service') return serviceDomain(model, el.id);
  if (el.kind === 'event') {
    const producer = model.relations.producers.get(el.id)?.[0];
    return producer === undefined ? undefined : serviceDomain(model, producer);
  }
  return undefined;
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** Whether a date (YYYY-MM-DD) is more than `duration` (`1y`, `180d`) before today; never without a today. */
function olderThan(date: unknown, duration: string, today: string | undefined): boolean {
  if (typeof date !== 'string' || today === undefined) return false;
  const n = Number(duration.slice(0, -1));
  const days = { d: 1, w: 7, m: 30, y: 365 }[duration.slice(-1) as 'd' | 'w' | 'm' | 'y'] * n;
  return Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`) > days * 86_400_000;
}

/** Whether a value has the field at `path`, through lists (any item), with the value given if one is. */
function has(value: unknown, path: readonly string[], equals: string | number | boolean | undefined): boolean {
  if (Array.isArray(value)) return value.some((item) => has(item, path, equals));
  if (path.length === 0) {
    if (equals !== undefined) return value === equals;
    return value !== undefined && value !== null && value !== '' && !(typeof value === 'object' && Object.keys(value).length === 0);
  }
  if (value === null || typeof value !== 'object') return false;
  const [head, ...rest] = path;
  return Object.hasOwn(value, head!) && has((value as Record<string, unknown>)[head!], rest, equals);
}

/**
 * The severities the rules file sets for archsite's own checks, applied to what the check
 * found: `off` drops a code, the others set its severity. A code that is an error stays one,
 * and a code archsite does not have is said, with a did-you-mean, at its key.
 */
export function applySeverities(
  found: readonly Diagnostic[],
  rules: TeamRules | undefined,
): { kept: Diagnostic[]; problems: Diagnostic[] } {
  const severities = rules?.data.severities;
  if (!rules || !severities) return { kept: [...found], problems: [] };
  const problems: Diagnostic[] = [];
  const set = new Map<string, string>();
  for (const [code, severity] of Object.entries(severities)) {
    const at = rules.locate.key(['severities', code]);
    const problem = (message: string) => problems.push({ file: rules.file, ...at, severity: 'error', code: 'invalid-rule', message });
    if (!Object.hasOwn(CODES, code)) problem(`'${code}' is no check of archsite's${didYouMean(code, Object.keys(CODES))}`);
    else if (CODES[code as Code].severity === 'error' && severity !== 'error')
      problem(`'${code}' is an error, and stays one: the model cannot be trusted without it`);
    else set.set(code, severity);
  }
  const kept = found.flatMap((d) => {
    const severity = set.get(d.code);
    if (severity === undefined) return [d];
    return severity === 'off' ? [] : [{ ...d, severity: severity as Diagnostic['severity'] }];
  });
  return { kept, problems };
}
