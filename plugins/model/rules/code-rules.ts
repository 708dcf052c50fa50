import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckContext } from '../checks/context.ts';
import { keyOf, type ElementRef, type Model } from '../model.ts';
import type { FieldPath } from '../yaml-position.ts';

/** The team's rules that need code, beside `system.yaml`: loaded only where the file is there. */
export const CODE_RULES_FILE = 'archsite.rules.ts';

/**
 * A rule written as code, in `archsite.rules.ts`: what `archsite.rules.yaml` cannot say. Its
 * `check` reads the model (frozen: it cannot change it) and reports each breach at an
 * element, as a `team-rule` diagnostic with the rule's severity, like the YAML rules':
 *
 * ```ts
 * import type { CodeRule } from '../plugins/model/rules/code-rules.ts';
 *
 * export default [
 *   {
 *     id: 'published-events-have-examples',
 *     description: 'Every published event has an example payload.',
 *     check({ model, report }) {
 *       for (const event of model.byKind.event.values())
 *         if (model.relations.producers.has(event.id) && event.data.example === undefined)
 *           report(event, `event '${event.id}' has no example`, ['name']);
 *     },
 *   },
 * ] satisfies CodeRule[];
 * ```
 */
export interface CodeRule {
  readonly id: string;
  readonly description: string;
  /** @default 'warning' */
  readonly severity?: 'error' | 'warning' | 'info';
  check(context: CodeRuleContext): void | Promise<void>;
}

export interface CodeRuleContext {
  readonly model: Model;
  /** Today, YYYY-MM-DD, where the check was given one (`--today`, else the clock). */
  readonly today?: string | undefined;
  /** Reports a breach of the rule at an element: at one of its fields (`['slos', 0]`) where given, else at its start. */
  report(element: ElementRef, message: string, field?: FieldPath): void;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * `archsite.rules.ts`, where the content has one: its rules loaded (afresh when its text
 * changed, so `check --watch` sees an edit) and run. A file that does not load, a rule that
 * is not one, an id the YAML rules already use, a rule that throws: each an `invalid-rule`
 * error at the file, with what went wrong, never a stack trace.
 */
export async function checkCodeRules(context: CheckContext): Promise<void> {
  const file = context.files.get(CODE_RULES_FILE);
  if (!file) return;
  const fault = (message: string) => context.diagnostics.report('invalid-rule', file.display, { line: 1, column: 1 }, message);
  let exported: unknown;
  try {
    const text = readFileSync(file.absolute);
    const version = createHash('sha256').update(text).digest('hex').slice(0, 16);
    exported = ((await import(`${pathToFileURL(path.resolve(file.absolute)).href}?v=${version}`)) as { default?: unknown }).default;
  } catch (error) {
    fault(`${CODE_RULES_FILE} does not load: ${messageOf(error)}`);
    return;
  }
  if (!Array.isArray(exported)) {
    fault(`${CODE_RULES_FILE} must export a list of rules as its default export (export default [ { id, description, check } ])`);
    return;
  }
  const yamlIds = new Set((context.rules?.data.rules ?? []).map((rule) => rule.id));
  const seen = new Set<string>();
  for (const [i, rule] of exported.entries()) {
    const problem = ruleProblem(rule, yamlIds, seen);
    if (problem) {
      fault(`rule ${i + 1} of ${CODE_RULES_FILE}: ${problem}`);
      continue;
    }
    const { id, description, severity, check } = rule as CodeRule;
    seen.add(id);
    const report = (element: ElementRef, message: string, field?: FieldPath) => {
      // What a rule's code hands in is checked, not trusted: a kind is one of the model's own keys.
      const el =
        element && typeof element === 'object' && Object.hasOwn(context.model.byKind, element.kind)
          ? context.model.byKind[element.kind].get(element.id)
          : undefined;
      if (!el) {
        fault(`rule '${id}' reported at an element that is not in the model: ${JSON.stringify(element)}`);
        return;
      }
      const at = (field && context.parsed.get(keyOf(el))?.locate.value(field)) ?? el.source.start;
      context.diagnostics.report(
        'team-rule',
        el.source.file,
        at,
        `rule '${id}': ${String(message)}: ${description}`,
        severity ?? 'warning',
      );
    };
    try {
      await check({ model: context.model, today: context.today, report });
    } catch (error) {
      fault(`rule '${id}' failed: ${messageOf(error)}`);
    }
  }
}

function ruleProblem(rule: unknown, yamlIds: ReadonlySet<string>, seen: ReadonlySet<string>): string | undefined {
  if (!rule || typeof rule !== 'object') return 'is not a rule ({ id, description, check })';
  const { id, description, severity, check } = rule as Record<string, unknown>;
  if (typeof id !== 'string' || !ID.test(id)) return 'needs an id of lowercase letters, digits, dots, dashes and underscores';
  if (yamlIds.has(id) || seen.has(id)) return `the id '${id}' is already a rule's`;
  if (typeof description !== 'string' || description.trim() === '') return `rule '${id}' needs a description`;
  if (severity !== undefined && !SEVERITIES.has(severity as string)) return `rule '${id}': severity is error, warning or info`;
  if (typeof check !== 'function') return `rule '${id}' needs a check function`;
  return undefined;
}

/** What went wrong, in one line: the error's message, without its stack. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')[0]!
      .replace(/^file:\/\/\S+?:\d+\s*/, '')
      .trim() || 'it threw'
  );
}
