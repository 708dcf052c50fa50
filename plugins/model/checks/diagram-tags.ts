import { DIAGRAM_VIEWS, type DiagramViewName } from '../diagram-views.ts';
import { describeKinds } from '../kinds.ts';
import { MODEL_STATES } from '../model-states.ts';
import { parseBody } from '../markdown-body.ts';
import { didYouMean } from '../suggest.ts';
import type { Check } from './context.ts';

/**
 * Every `<Diagram view="..." of="..." />` in MDX names a view that exists and, where the view
 * needs one, an element of the right kind; its `state`, where given, is one of the model's states.
 */
export const checkDiagramTags: Check = ({ model, diagnostics }) => {
  for (const el of model.elements) {
    if (!el.body?.mdx) continue;
    const parsed = parseBody(el.body);
    if (!parsed.ok) continue;
    for (const { attributes, at } of parsed.diagrams) {
      const view = attributes.view;
      if (view === undefined || !(view in DIAGRAM_VIEWS)) {
        diagnostics.report(
          'invalid-value',
          el.source.file,
          at,
          view === undefined
            ? `<Diagram> needs a view: one of ${Object.keys(DIAGRAM_VIEWS).join(', ')}`
            : `<Diagram> view '${view}' does not exist; expected one of ${Object.keys(DIAGRAM_VIEWS).join(', ')}${didYouMean(view, Object.keys(DIAGRAM_VIEWS))}`,
        );
        continue;
      }
      const state = attributes.state;
      if (state !== undefined && !(MODEL_STATES as readonly string[]).includes(state))
        diagnostics.report(
          'invalid-value',
          el.source.file,
          at,
          `<Diagram> state '${state}' does not exist; expected one of ${MODEL_STATES.join(', ')}${didYouMean(state, MODEL_STATES)}`,
        );
      const spec: { of: readonly string[]; optional?: boolean } = DIAGRAM_VIEWS[view as DiagramViewName];
      const of = attributes.of;
      if (of === undefined) {
        if (spec.of.length > 0 && !spec.optional)
          diagnostics.report(
            'missing-field',
            el.source.file,
            at,
            `<Diagram view="${view}"> needs of="..." naming ${describeKinds(spec.of as never)}`,
          );
        continue;
      }
      const [kind, id] = of.includes(':') ? [of.slice(0, of.indexOf(':')), of.slice(of.indexOf(':') + 1)] : [undefined, of];
      const kinds = (kind ? spec.of.filter((k) => k === kind) : spec.of) as readonly (keyof typeof model.byKind)[];
      if (kinds.some((k) => model.byKind[k].has(id))) continue;
      const candidates = spec.of.flatMap((k) => [...model.byKind[k as keyof typeof model.byKind].keys()]);
      diagnostics.report(
        'unknown-reference',
        el.source.file,
        at,
        spec.of.length === 0
          ? `<Diagram view="${view}"> takes no of="..."`
          : `<Diagram view="${view}"> of '${of}' is not ${describeKinds(spec.of as never)}${didYouMean(id, candidates)}`,
      );
    }
  }
};
