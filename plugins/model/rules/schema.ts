import { z } from 'zod';
import { KIND_NAMES, KINDS, type ElementKind } from '../kinds.ts';
import { id, oneOf, reference } from '../schemas/common.ts';

/** The relations a rule can forbid, as the content model names them. */
export const RULE_RELATIONS = ['calls', 'publishes', 'consumes', 'stores', 'runs', 'owns', 'affects'] as const;
export type RuleRelation = (typeof RULE_RELATIONS)[number];

/** Which elements a rule is about: every condition given must hold. */
export const selectorSchema = z
  .strictObject({
    kind: oneOf(
      KIND_NAMES as [ElementKind, ...ElementKind[]],
      Object.fromEntries(KINDS.map((k) => [k.kind, `${k.plural}: the files of content/${k.folder}/.`])) as Record<ElementKind, string>,
    )
      .optional()
      .describe('The kind of element: service, domain, event, decision …'),
    id: z.string().min(1).optional().describe('Its id; `*` stands for any text (`payment-*`).'),
    domain: reference.optional().describe('In this domain: a service of it, its events, the domain itself (by id).'),
    domainType: oneOf(['core', 'supporting', 'generic'], {
      core: 'Elements of core domains.',
      supporting: 'Elements of supporting domains.',
      generic: 'Elements of generic domains.',
    })
      .optional()
      .describe('In a domain of this type.'),
    owner: reference.optional().describe('Owned by this team (by id): its `owner`, or its domain’s.'),
    type: z.string().min(1).optional().describe('Its `type` field: a service’s (gateway, worker …), a resource’s (postgresql …).'),
    status: z.string().min(1).optional().describe('Its `status` field: a decision’s, a risk’s, a requirement’s.'),
    olderThan: z
      .string()
      .regex(/^\d+[dwmy]$/, 'expected a duration: a number and d, w, m or y (`365d`, `1y`)')
      .optional()
      .describe('Dated (its `date`, as decisions are) more than this long before today: `1y`, `180d`.'),
  })
  .describe('Which elements: every condition given must hold.');

export type Selector = z.infer<typeof selectorSchema>;

const forbid = z
  .strictObject({
    from: selectorSchema.optional(),
    relation: oneOf(RULE_RELATIONS, {
      calls: 'A call or use: a service’s dependency, a person’s or external system’s use.',
      publishes: 'A service publishing an event.',
      consumes: 'A service consuming an event.',
      stores: 'A service storing its data in a resource.',
      runs: 'A deployment running a service or resource.',
      owns: 'A team owning a domain or service.',
      affects: 'A decision affecting an element.',
    }).describe('The relation that must not exist between the two.'),
    to: selectorSchema.optional(),
  })
  .describe('A relation that must not exist: from elements of one selection to elements of another.');

const require = z
  .strictObject({
    where: selectorSchema,
    has: z
      .string()
      .min(1)
      .describe('A field that each must have, as a path: `slos`, `apis.openapi`, `slos.indicator` (in any item of a list).'),
    equals: z
      .union([z.string(), z.number(), z.boolean()])
      .optional()
      .describe('The value the field must have (in at least one item of a list), when any value does not do.'),
  })
  .describe('A field that every element of a selection must have.');

export const ruleSchema = z
  .strictObject({
    id: id.describe('The rule’s id: diagnostics name it.'),
    description: z.string().min(1).describe('What the rule asks, in a sentence: diagnostics quote it.'),
    severity: oneOf(['error', 'warning', 'info'], {
      error: 'Fails check and build.',
      warning: 'Fails only with --strict.',
      info: 'A note that fails nothing.',
    })
      .default('warning')
      .describe('How much a breach weighs.'),
    forbid: forbid.optional(),
    require: require.optional(),
  })
  .refine((rule) => (rule.forbid === undefined) !== (rule.require === undefined), {
    message: 'a rule has exactly one of forbid or require',
  });

export type Rule = z.infer<typeof ruleSchema>;

/** `archsite.rules.yaml`, beside system.yaml: the team's own rules, and the severities of archsite's checks. */
export const rulesFileSchema = z.strictObject({
  severities: z
    .record(
      z.string(),
      oneOf(['error', 'warning', 'info', 'off'], {
        error: 'Fails check and build.',
        warning: 'Fails only with --strict.',
        info: 'A note that fails nothing.',
        off: 'Not reported (only for checks that are not errors).',
      }),
    )
    .optional()
    .describe('The severity of archsite’s own checks, by code (`shared-database: error`); a check that is an error stays one.'),
  rules: z.array(ruleSchema).optional().describe('The team’s rules, each with an id, what it asks, and a severity.'),
});

export type RulesFile = z.infer<typeof rulesFileSchema>;
