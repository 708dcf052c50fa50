/**
 * The team's rules that need code: what archsite.rules.yaml cannot say. Each reports its
 * breaches at the elements, like the YAML rules (see README, "Rules written by the team").
 * Type annotations only: Node runs this file as it is, with its types stripped.
 */
import type { CodeRule } from '../plugins/model/rules/code-rules.ts';

export default [
  {
    id: 'consumed-events-have-an-example',
    description: 'Every event another team consumes has an example payload, to test against.',
    check({ model, report }) {
      for (const event of model.byKind.event.values()) {
        const consumers = model.relations.consumers.get(event.id) ?? [];
        const producers = model.relations.producers.get(event.id) ?? [];
        const owners = new Set(producers.map((id) => model.byKind.service.get(id)?.data.owner));
        const otherTeams = consumers.filter((id) => !owners.has(model.byKind.service.get(id)?.data.owner));
        if (otherTeams.length > 0 && event.data.example === undefined)
          report(event, `event '${event.id}' is consumed by ${otherTeams.join(', ')} of other teams but has no example`, ['name']);
      }
    },
  },
] satisfies CodeRule[];
