import { keyOf, type Element, type Model } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import { label, nodeId } from './escape.ts';

/**
 * Text for a sequence diagram line: a label, with `;` (which ends a statement there) escaped
 * too, after the label's own entities (which end with `;`) are written.
 */
const line = (text: string) => label(text.replace(/;/g, '\uE000')).replace(/\uE000/g, '#59;');

/**
 * A flow (flows/) as a mermaid sequence diagram: its participants in order of appearance
 * (people as actors), each message numbered, replies dashed.
 */
export function sequenceView(model: Model, id: string): { title: string; text: string } | undefined {
  const flow = model.byKind.flow.get(id);
  const steps = model.relations.flowSteps.get(id);
  if (!flow || !steps || steps.length === 0) return undefined;
  const out = ['sequenceDiagram', '  autonumber'];
  const seen = new Set<string>();
  for (const step of steps)
    for (const ref of [step.from, step.to]) {
      const key = keyOf(ref);
      if (seen.has(key)) continue;
      seen.add(key);
      const el = model.byKind[ref.kind].get(ref.id) as Element | undefined;
      out.push(`  ${ref.kind === 'person' ? 'actor' : 'participant'} ${nodeId(key)} as ${line(el ? displayName(el) : ref.id)}`);
    }
  for (const step of steps)
    out.push(`  ${nodeId(keyOf(step.from))}${step.reply ? '-->>' : '->>'}${nodeId(keyOf(step.to))}: ${line(step.message)}`);
  return { title: flow.data.title, text: `${out.join('\n')}\n` };
}
